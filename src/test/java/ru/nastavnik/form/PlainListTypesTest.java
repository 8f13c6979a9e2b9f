package ru.nastavnik.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.spin.DataFormats;
import org.camunda.spin.spi.DataFormatMapper;
import org.junit.jupiter.api.Test;

/** How Spin names and reads back the lists the forms use, as the engine stores them (see PlainListTypes). */
class PlainListTypesTest {

    private final DataFormatMapper json = DataFormats.json().getMapper();

    @Test
    void readsTickedValuesUnderTheTypeNameOfTheOptions() {
        // Tasklist sends a checklist's ticked ids with the Java type name of its options variable.
        List<Map<String, String>> options = new ArrayList<>(List.of(
                Map.of("label", "Анна — наставляемый", "value", "11"), Map.of("label", "Олег — наставник", "value", "12")));
        String optionsType = json.getCanonicalTypeName(options);
        assertThat(optionsType).isEqualTo(PlainListTypes.LIST_TYPE);

        Object ticked = json.mapInternalToJava(DataFormats.json().getReader()
                .readInput(new java.io.StringReader("[\"11\", \"12\"]")), optionsType);
        assertThat(ticked).isEqualTo(List.of("11", "12"));
    }

    @Test
    void optionsReadBackAsWritten() {
        List<Map<String, String>> options = List.of(Map.of("label", "Анна", "value", "11"));
        Object back = json.mapInternalToJava(json.mapJavaToInternal(options), json.getCanonicalTypeName(options));
        assertThat(back).isEqualTo(options);
    }

    @Test
    void listsOfNumbersKeepTheirElementType() {
        List<Long> ids = new ArrayList<>(List.of(1L, 2L));
        String type = json.getCanonicalTypeName(ids);
        assertThat(type).isNotEqualTo(PlainListTypes.LIST_TYPE).contains("Long");
        Object back = json.mapInternalToJava(json.mapJavaToInternal(ids), type);
        assertThat(back).isEqualTo(ids);
    }
}
