package ru.nastavnik.form;

import java.util.Collection;
import java.util.Map;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.camunda.spin.spi.TypeDetector;

/**
 * Names every list of plain JSON values (texts, yes/no, and maps and lists of them) that the engine stores as JSON
 * {@value #LIST_TYPE}, whatever its Java class and first element.
 *
 * <p>Why: when a checklist or taglist has no variable yet, Tasklist 7.24 submits its ticked values (a JSON array of
 * strings) as an Object variable with the type and Java type name of the field's options variable ({@code valuesKey}).
 * Spin names a list after its first element, e.g. {@code ArrayList<ImmutableCollections$MapN<Object,Object>>} for
 * options, so the engine could not read the ticked values back (SPIN/JACKSON-JSON-01006) and every completion with
 * a ticked value failed. Under the generic name any JSON array fits, and a list written as such reads back equal.
 * Numbers are left to Spin's own naming: read back generically, a Long would come back as an Integer.
 *
 * <p>Registered for Spin through META-INF/services, so it holds for every engine and every form at once.
 */
public class PlainListTypes implements DataFormatConfigurator<JacksonJsonDataFormat> {

    public static final String LIST_TYPE = "java.util.ArrayList<java.lang.Object>";

    @Override
    public Class<JacksonJsonDataFormat> getDataFormatClass() {
        return JacksonJsonDataFormat.class;
    }

    @Override
    public void configure(JacksonJsonDataFormat format) {
        // Added detectors are asked before Spin's own.
        format.addTypeDetector(new TypeDetector() {
            @Override
            public boolean canHandle(Object value) {
                return value instanceof Collection<?> list && list.stream().allMatch(PlainListTypes::plain);
            }

            @Override
            public String detectType(Object value) {
                return LIST_TYPE;
            }
        });
    }

    private static boolean plain(Object value) {
        return value == null || value instanceof String || value instanceof Boolean
                || (value instanceof Collection<?> c && c.stream().allMatch(PlainListTypes::plain))
                || (value instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)
                        && m.values().stream().allMatch(PlainListTypes::plain));
    }
}
