package org.clusterbridge.cluster.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The focus areas clusters declare; codes are part of the cross-service contract. */
public final class FocusAreaTaxonomy {

    public static final List<FocusArea> AREAS = List.of(
            area("biological-diagnostics", "Biological diagnostics", "生物学的診断"),
            area("diagnostic-interventional-imaging", "Diagnostic and interventional imaging",
                    "診断・インターベンショナルイメージング"),
            area("regenerative-medicine", "Regenerative medicine", "再生医療"),
            area("biomaterials", "Biomaterials", "バイオマテリアル"),
            area("digital-health", "Digital health", "デジタルヘルス"),
            area("translational-medicine", "Translational medicine", "トランスレーショナル医療"),
            area("medical-devices", "Medical devices", "医療機器"),
            area("pharmaceuticals", "Pharmaceuticals", "医薬品"),
            area("active-pharmaceutical-ingredients", "Active pharmaceutical ingredients", "原薬"),
            area("biotechnology", "Biotechnology", "バイオテクノロジー"),
            area("nursing-care-welfare-devices", "Nursing-care and welfare devices", "介護・福祉機器"));

    private static final Map<String, FocusArea> BY_CODE = new LinkedHashMap<>();

    static {
        AREAS.forEach(area -> BY_CODE.put(area.code(), area));
    }

    private FocusAreaTaxonomy() {
    }

    public static Optional<FocusArea> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean contains(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    private static FocusArea area(String code, String en, String ja) {
        return new FocusArea(code, Map.of("en", en, "ja", ja));
    }
}
