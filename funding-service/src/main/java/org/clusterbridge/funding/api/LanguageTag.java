package org.clusterbridge.funding.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.clusterbridge.rules.LanguageTags;

/** A BCP-47 language tag ({@link LanguageTags#isTag}), or null. */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Check.class)
public @interface LanguageTag {

    String message() default "must be a BCP-47 language tag such as en or ja";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check of {@link LanguageTag}. */
    class Check implements ConstraintValidator<LanguageTag, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || LanguageTags.isTag(value);
        }
    }
}
