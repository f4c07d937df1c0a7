package org.clusterbridge.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * A fingerprint of a representation's shape: the names, types and Jackson annotations of its record components,
 * recursively, and the constants of its enums. A stored representation written in another shape (an older release's) is stale; one of
 * the same fingerprint reads exactly as the representation built now would.
 */
public final class RepresentationShape {

    private RepresentationShape() {
    }

    /** 64 bits of SHA-256 over the shape of {@code type}, as 16 hex digits. */
    public static String fingerprint(Class<?> type) {
        StringBuilder shape = new StringBuilder();
        describe(type, shape, new HashSet<>());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(shape.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void describe(Type type, StringBuilder shape, Set<Type> seen) {
        shape.append(type.getTypeName());
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                shape.append('<');
                describe(argument, shape, seen);
                shape.append('>');
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            shape.append('{');
            for (RecordComponent component : c.getRecordComponents()) {
                shape.append(component.getName()).append(':');
                Arrays.stream(component.getAnnotations()).map(Object::toString)
                        .filter(annotation -> annotation.startsWith("@com.fasterxml.jackson")).forEach(shape::append);
                describe(component.getGenericType(), shape, seen);
                shape.append(';');
            }
            shape.append('}');
        } else if (type instanceof Class<?> c && c.isEnum()) {
            shape.append(Arrays.toString(c.getEnumConstants()));
        }
    }
}
