package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One name per step (issue 15): a BPMN element and its form share one name, so that a step can be found from any
 * of its parts by a plain search. Reads bpmn/, forms/ and the delegate classes; no engine, no Spring context.
 *
 * <ul>
 *   <li>A user task is {@code Task_<Name>} and uses the form {@code <kebab-name>}: {@code Task_ApprovePairOrder}
 *       ↔ {@code approve-pair-order}.</li>
 *   <li>A start event with a form is {@code StartEvent_<Name>} and uses the form {@code <kebab-name>}, the name being
 *       what the person starting the process does or fills in: {@code StartEvent_StartProgramme} ↔
 *       {@code start-programme}.</li>
 *   <li>A form's file is named after its id ({@code forms/<id>.form}), and every form is used by some element.</li>
 *   <li>A service task is {@code Task_<Name>} and runs {@code ${<lowerCamelName>}}, the bean
 *       {@code @Component("<lowerCamelName>")} of the class {@code <Name>}: {@code Task_RecordOrderApproval} ↔
 *       {@code recordOrderApproval} ↔ {@code RecordOrderApproval}. The only exceptions are {@link #GENERIC_STEPS}.</li>
 *   <li>Every delegate and listener bean is named after its class and is a top-level class in a file of its own name,
 *       never nested in a file of several steps.</li>
 * </ul>
 */
class NamingConventionTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /**
     * Delegates that serve many steps by design (every reminder before a due date, every escalation after it): a
     * step using one is named after what it does in its process, e.g. {@code Task_RemindPick},
     * {@code Task_EscalatePick}.
     */
    static final Set<String> GENERIC_STEPS = Set.of("sendDueReminder", "escalateOverdueTask");

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

    @Test
    void serviceTasksShareTheirNameWithTheirBeanAndClass() throws Exception {
        Map<String, String> classByBean = delegateBeans().stream()
                .collect(Collectors.toMap(DelegateBean::bean, DelegateBean::simpleName));
        List<String> mismatches = new ArrayList<>();
        for (Path diagram : DIAGRAMS) {
            for (Element task : elements(diagram, "serviceTask")) {
                String id = task.getAttribute("id");
                String expression = task.getAttributeNS(CAMUNDA, "delegateExpression");
                String bean = expression.replaceAll("^\\$\\{(\\w+)}$", "$1");
                String where = diagram.getFileName() + ": " + id + " (" + expression + ")";
                if (!id.startsWith("Task_")) {
                    mismatches.add(where + " should be Task_<Name>");
                } else if (!classByBean.containsKey(bean)) {
                    mismatches.add(where + " runs no delegate bean of ours");
                } else if (!GENERIC_STEPS.contains(bean)) {
                    String name = id.substring("Task_".length());
                    if (!bean.equals(lowerCamel(name)) || !classByBean.get(bean).equals(name)) {
                        mismatches.add(where + " should run ${" + lowerCamel(name) + "}, class " + name
                                + ", not the class " + classByBean.get(bean));
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyDelegateIsABeanNamedAfterItsClassInAFileOfItsOwn() {
        List<DelegateBean> beans = delegateBeans();
        assertThat(beans).hasSizeGreaterThan(GENERIC_STEPS.size());
        List<String> mismatches = new ArrayList<>();
        for (DelegateBean bean : beans) {
            if (bean.className().contains("$")) {
                mismatches.add(bean.className() + " is nested: give it a file of its own");
            } else if (!Files.exists(Path.of("src/main/java", bean.className().replace('.', '/') + ".java"))) {
                mismatches.add(bean.className() + " is not in a file of its own name");
            }
            if (!bean.bean().equals(lowerCamel(bean.simpleName()))) {
                mismatches.add(bean.className() + " is the bean '" + bean.bean() + "', expected '"
                        + lowerCamel(bean.simpleName()) + "'");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** A delegate or listener class of the app and its Spring bean name. */
    record DelegateBean(String className, String bean) {
        String simpleName() {
            return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        }
    }

    /** The app's delegates and listeners, read from the class path as Spring's scan would, without a context. */
    static List<DelegateBean> delegateBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
            scanner.addIncludeFilter(new AssignableTypeFilter(type));
        }
        List<DelegateBean> beans = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("ru.nastavnik")) {
            Map<String, Object> component = ((AnnotatedBeanDefinition) definition).getMetadata()
                    .getAnnotationAttributes(Component.class.getName());
            if (component != null) {
                beans.add(new DelegateBean(definition.getBeanClassName(), (String) component.get("value")));
            }
        }
        return beans;
    }

    /** {@code RecordOrderApproval} → {@code recordOrderApproval}. */
    static String lowerCamel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
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
