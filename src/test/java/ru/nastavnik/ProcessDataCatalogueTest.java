package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.nastavnik.shared.FormChoice;
import ru.nastavnik.shared.ProcessVariable;

/**
 * Typed process data (issue 15): every variable a diagram or a form uses is declared once as a
 * {@link ProcessVariable} (the catalogue: every such static field of main code), every declared one is used by a
 * diagram, a form or Java, and a radio's values are those of its {@link FormChoice} enum, as are the values the
 * diagrams' conditions compare with. Reads bpmn/, forms/ and the compiled classes; no engine.
 */
class ProcessDataCatalogueTest {

    /** Words of JUEL and FEEL and the engine's own names, which are not process variables. */
    private static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "true", "false", "null", "empty",
            "execution", "task", "if", "then", "else", "some", "every", "in", "satisfies", "for", "return", "is",
            "instance", "of", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
            // the first word of FEEL functions named in several words, e.g. «list contains(…)»
            "list");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern CONDITION = Pattern.compile("(\\w+)\\s*[!=]=\\s*'([^']*)'");

    private static final Map<String, ProcessVariable<?>> CATALOGUE = new TreeMap<>();
    /** Where each catalogued variable is declared, e.g. {@code PrepareStage.ROADMAP_DECISION}. */
    private static final Map<String, JavaField> DECLARED = new HashMap<>();
    private static final Map<String, Set<String>> USED = new TreeMap<>();

    @BeforeAll
    static void read() throws Exception {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.nastavnik");
        for (JavaClass type : main) {
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                        && field.getRawType().isEquivalentTo(ProcessVariable.class)) {
                    Field reflected = Class.forName(type.getName()).getDeclaredField(field.getName());
                    reflected.setAccessible(true);
                    ProcessVariable<?> variable = (ProcessVariable<?>) reflected.get(null);
                    ProcessVariable<?> before = CATALOGUE.put(variable.name(), variable);
                    assertThat(before).as("declared twice: " + variable.name()).isNull();
                    DECLARED.put(variable.name(), field);
                }
            }
        }
        Set<String> beans = new TreeSet<>();
        NamingConventionTest.delegateBeans().forEach(b -> beans.add(b.bean()));
        for (Path diagram : list("bpmn", ".bpmn")) {
            String xml = Files.readString(diagram);
            Matcher expressions = EXPRESSION.matcher(xml);
            while (expressions.find()) {
                String expression = expressions.group(1);
                Matcher byName = Pattern.compile("getVariable\\('(\\w+)'\\)").matcher(expression);
                while (byName.find()) {
                    use(byName.group(1), diagram);
                }
                names(expression).stream().filter(n -> !beans.contains(n)).forEach(n -> use(n, diagram));
            }
            for (String attribute : List.of("inputParameter name", "outputParameter name", "in source", "in target",
                    "out source", "out target")) {
                Matcher m = Pattern.compile("<camunda:" + attribute + "=\"(\\w+)\"").matcher(xml);
                while (m.find()) {
                    use(m.group(1), diagram);
                }
            }
            Matcher element = Pattern.compile("elementVariable=\"(\\w+)\"").matcher(xml);
            while (element.find()) {
                use(element.group(1), diagram);
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Path form : list("forms", ".form")) {
            walk(json.readTree(form.toFile()), form);
        }
    }

    @Test
    void everyVariableOfADiagramOrAFormIsInTheCatalogue() {
        Map<String, Set<String>> missing = new TreeMap<>(USED);
        missing.keySet().removeAll(CATALOGUE.keySet());
        assertThat(missing).as("used but not declared as a ProcessVariable").isEmpty();
    }

    @Test
    void everyCataloguedVariableIsUsed() {
        List<String> unused = new ArrayList<>();
        DECLARED.forEach((name, field) -> {
            boolean readByJava = field.getAccessesToSelf().stream()
                    .anyMatch(a -> a.getAccessType() == JavaFieldAccess.AccessType.GET);
            if (!USED.containsKey(name) && !readByJava) {
                unused.add(field.getOwner().getSimpleName() + "." + field.getName() + " (" + name + ")");
            }
        });
        assertThat(unused).as("declared but used by no diagram, form or Java").isEmpty();
    }

    @Test
    void aRadioOffersExactlyTheValuesOfItsEnumAndEveryDecisionHasOne() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Path form : list("forms", ".form")) {
            for (JsonNode radio : radios(new ObjectMapper().readTree(form.toFile()))) {
                String key = radio.path("key").asText();
                List<String> offered = new ArrayList<>();
                radio.path("values").forEach(v -> offered.add(v.path("value").asText()));
                ProcessVariable<?> variable = CATALOGUE.get(key);
                if (variable != null && FormChoice.class.isAssignableFrom(variable.type())) {
                    if (!new TreeSet<>(offered).equals(new TreeSet<>(choices(variable)))) {
                        mismatches.add(form + ": " + key + " offers " + offered + ", its enum " + choices(variable));
                    }
                } else if (key.endsWith("Decision") || key.endsWith("Outcome")) {
                    mismatches.add(form + ": the decision " + key + " has no FormChoice enum in the catalogue");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theDiagramsCompareDecisionsOnlyWithTheirEnumsValues() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Path diagram : list("bpmn", ".bpmn")) {
            Matcher expressions = EXPRESSION.matcher(Files.readString(diagram));
            while (expressions.find()) {
                Matcher condition = CONDITION.matcher(expressions.group(1));
                while (condition.find()) {
                    ProcessVariable<?> variable = CATALOGUE.get(condition.group(1));
                    if (variable == null || !FormChoice.class.isAssignableFrom(variable.type())) {
                        mismatches.add(diagram + ": " + condition.group() + " compares a variable with no enum");
                    } else if (!choices(variable).contains(condition.group(2))) {
                        mismatches.add(diagram + ": " + condition.group() + ", but its enum has " + choices(variable));
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static List<String> choices(ProcessVariable<?> variable) {
        return Arrays.stream(variable.type().getEnumConstants()).map(c -> ((FormChoice) c).value()).toList();
    }

    /** The names an expression reads: identifiers outside string literals, neither properties nor calls. */
    private static List<String> names(String expression) {
        String code = expression.replaceAll("'[^']*'|\"[^\"]*\"", "''");
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_]\\w*)(?!\\w)(\\s*[(.])?").matcher(code);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (m.group(2) == null && !NOT_VARIABLES.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** A form's field keys, the variables its options come from, and what its FEEL expressions ({@code =…}) read. */
    private static void walk(JsonNode node, Path form) {
        if (node.isObject()) {
            for (String field : List.of("key", "valuesKey")) {
                if (node.path(field).isTextual()) {
                    use(node.path(field).asText(), form);
                }
            }
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().startsWith("=")) {
                    names(e.getValue().asText().substring(1)).forEach(n -> use(n, form));
                }
                walk(e.getValue(), form);
            });
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, form));
        }
    }

    private static List<JsonNode> radios(JsonNode node) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject() && "radio".equals(node.path("type").asText()) && node.has("values")) {
            found.add(node);
        }
        node.forEach(child -> found.addAll(radios(child)));
        return found;
    }

    private static void use(String name, Path where) {
        USED.computeIfAbsent(name, n -> new TreeSet<>()).add(where.getFileName().toString());
    }

    private static List<Path> list(String folder, String extension) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }
}
