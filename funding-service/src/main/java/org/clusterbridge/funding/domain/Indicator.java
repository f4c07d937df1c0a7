package org.clusterbridge.funding.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The indicator catalogue: what clusters report, in the seeds' own terms. */
public enum Indicator {
    PROJECTS_CERTIFIED("projects-certified", "Projects certified", "認定プロジェクト数", Unit.COUNT),
    PRODUCTS_LAUNCHED("products-launched", "Products launched", "上市製品数", Unit.COUNT),
    TOTAL_INVESTMENT("total-investment", "Total investment", "総投資額", Unit.MONEY),
    PUBLIC_FUNDING("public-funding", "Public funding", "公的資金援助額", Unit.MONEY),
    COMMERCIALISATIONS("commercialisations", "Commercialisations", "事業化件数", Unit.COUNT),
    COMPANIES_CREATED("companies-created", "Companies created", "創出企業数", Unit.COUNT),
    JOBS_CREATED("jobs-created", "Jobs created", "創出雇用数", Unit.COUNT),
    MEMBERS("members", "Members", "会員数", Unit.COUNT),
    PRIVATE_FUNDING("private-funding", "Private funding", "民間資金調達額", Unit.MONEY),
    COOPERATION_PARTNERS("cooperation-partners", "Cooperation partners", "連携先数", Unit.COUNT),
    /** The overseas organisations among the cooperation partners ("海外8団体を含む16団体"). */
    OVERSEAS_COOPERATION_PARTNERS("overseas-cooperation-partners", "Overseas cooperation partners", "海外連携先数",
            Unit.COUNT, COOPERATION_PARTNERS);

    private final String code;
    /** The indicator's name as multilingual text, like every name in the registry. */
    private final Map<String, String> names;
    private final Unit unit;
    /** The indicator whose figure this one's is a part of, or null. */
    private final Indicator partOf;

    Indicator(String code, String english, String japanese, Unit unit) {
        this(code, english, japanese, unit, null);
    }

    Indicator(String code, String english, String japanese, Unit unit, Indicator partOf) {
        this.code = code;
        this.names = Map.of("en", english, "ja", japanese);
        this.unit = unit;
        this.partOf = partOf;
    }

    public String code() {
        return code;
    }

    public Map<String, String> names() {
        return names;
    }

    public Unit unit() {
        return unit;
    }

    /** The indicator this one counts a part of (overseas cooperation partners are part of cooperation partners). */
    public Optional<Indicator> partOf() {
        return Optional.ofNullable(partOf);
    }

    public static Optional<Indicator> byCode(String code) {
        return Arrays.stream(values()).filter(indicator -> indicator.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Indicator::code).toList());
    }
}
