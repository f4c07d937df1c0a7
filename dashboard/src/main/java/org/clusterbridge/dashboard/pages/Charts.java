package org.clusterbridge.dashboard.pages;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The data a page's script draws (ECharts, Cytoscape), as JSON for a {@code data-} attribute: the template escapes
 * it and the script reads it with {@code JSON.parse(element.dataset.chart)}, so no inline script is needed.
 */
@ApplicationScoped
public class Charts {

    /** One bar, slice or country: its label and value, and the link it opens, if any. */
    public record Point(String label, double value, String code, String href) {
    }

    private final ObjectMapper json;

    Charts(ObjectMapper json) {
        this.json = json;
    }

    public String json(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data cannot be written as JSON", e);
        }
    }

    public String points(List<Point> points) {
        return json(points);
    }
}
