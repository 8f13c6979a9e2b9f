package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One name per step (issue 15): a BPMN element and its form share one name, so that a step can be found from any
 * of its parts by a plain search. Reads bpmn/ and forms/; no engine, no Spring context.
 *
 * <ul>
 *   <li>A user task is {@code Task_<Name>} and uses the form {@code <kebab-name>}: {@code Task_ApprovePairOrder}
 *       ↔ {@code approve-pair-order}.</li>
 *   <li>A start event with a form is {@code StartEvent_<Name>} and uses the form {@code <kebab-name>}, the name being
 *       what the person starting the process does or fills in: {@code StartEvent_StartProgramme} ↔
 *       {@code start-programme}.</li>
 *   <li>A form's file is named after its id ({@code forms/<id>.form}), and every form is used by some element.</li>
 * </ul>
 */
class NamingConventionTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private static final List<Path> DIAGRAMS = new ArrayList<>();
    private static final List<Path> FORMS = new ArrayList<>();

    @BeforeAll
    static void readFolders() throws IOException {
        DIAGRAMS.addAll(list("bpmn", ".bpmn"));
        FORMS.addAll(list("forms", ".form"));
        assertThat(DIAGRAMS).isNotEmpty();
        assertThat(FORMS).isNotEmpty();
    }

    @Test
    void userTasksAndStartFormsShareTheirNameWithTheirForm() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Path diagram : DIAGRAMS) {
            for (Element task : elements(diagram, "userTask")) {
                expectForm(diagram, task, "Task_", mismatches);
            }
            for (Element start : elements(diagram, "startEvent")) {
                if (!formRef(start).isEmpty()) {
                    expectForm(diagram, start, "StartEvent_", mismatches);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyFormIsNamedAfterItsIdAndIsUsed() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path diagram : DIAGRAMS) {
            for (String tag : List.of("userTask", "startEvent")) {
                elements(diagram, tag).stream().map(NamingConventionTest::formRef).filter(f -> !f.isEmpty())
                        .forEach(used::add);
            }
        }
        List<String> mismatches = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path form : FORMS) {
            String file = baseName(form, ".form");
            String id = json.readTree(form.toFile()).path("id").asText();
            if (!file.equals(id)) {
                mismatches.add(form + ": id " + id);
            }
            if (!used.contains(file)) {
                mismatches.add(form + ": used by no element");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** {@code ApprovePairOrder} → {@code approve-pair-order}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static void expectForm(Path diagram, Element element, String prefix, List<String> mismatches) {
        String id = element.getAttribute("id");
        String form = formRef(element);
        if (!id.startsWith(prefix)) {
            mismatches.add(diagram.getFileName() + ": " + id + " should be " + prefix + "<Name>");
        } else if (!form.equals(kebab(id.substring(prefix.length())))) {
            mismatches.add(diagram.getFileName() + ": " + id + " uses the form '" + form + "', expected '"
                    + kebab(id.substring(prefix.length())) + "'");
        } else if (!Files.exists(Path.of("forms", form + ".form"))) {
            mismatches.add(diagram.getFileName() + ": " + id + " uses the missing forms/" + form + ".form");
        }
    }

    private static String formRef(Element element) {
        return element.getAttributeNS(CAMUNDA, "formRef");
    }

    static List<Element> elements(Path diagram, String tag) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(diagram.toFile());
        NodeList nodes = document.getElementsByTagNameNS(BPMN, tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static List<Path> list(String folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static String baseName(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - extension.length());
    }
}
