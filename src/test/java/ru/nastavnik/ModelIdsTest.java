package ru.nastavnik;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import ru.nastavnik.shared.ProcessModel;

/**
 * The ids, message names and error codes Java relies on are in the models: each {@link ProcessModel} class is
 * read against {@code bpmn/<PROCESS_ID>.bpmn} (Camunda's model API, no engine), so that renaming an element in the
 * Modeler fails here instead of leaving a query that finds nothing. The list is in docs/modeling.md.
 */
class ModelIdsTest {

    private static final Set<String> ELEMENT_PREFIXES = Set.of("TASK_", "TIMER_", "CALL_ACTIVITY_", "SUB_PROCESS_", "EVENT_",
            "GATEWAY_");

    @Test
    void everyIdJavaReliesOnIsInItsModel() throws Exception {
        List<Class<?>> classes = processModelClasses();
        assertThat(classes).hasSizeGreaterThanOrEqualTo(8);
        List<String> missing = new ArrayList<>();
        Set<String> processes = new TreeSet<>();
        for (Class<?> type : classes) {
            String processId = (String) type.getField("PROCESS_ID").get(null);
            assertThat(processes.add(processId)).as("one class per process: " + processId).isTrue();
            Path file = Path.of("bpmn", processId + ".bpmn");
            if (!Files.exists(file)) {
                missing.add(type.getSimpleName() + ": no " + file);
                continue;
            }
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                    continue;
                }
                String name = field.getName();
                String value = (String) field.get(null);
                String where = type.getSimpleName() + "." + name + " = \"" + value + "\"";
                if (name.equals("PROCESS_ID")) {
                    if (model.getModelElementsByType(Process.class).stream().noneMatch(p -> p.getId().equals(value))) {
                        missing.add(where + ": no process of that id in " + file);
                    }
                } else if (ELEMENT_PREFIXES.stream().anyMatch(name::startsWith)) {
                    boolean found = name.endsWith("_PREFIX")
                            ? elementIds(model).stream().anyMatch(id -> id.startsWith(value))
                            : model.getModelElementById(value) != null;
                    if (!found) {
                        missing.add(where + ": no element in " + file);
                    }
                } else if (name.startsWith("MESSAGE_")) {
                    if (model.getModelElementsByType(Message.class).stream().noneMatch(m -> value.equals(m.getName()))) {
                        missing.add(where + ": no message of that name in " + file);
                    }
                } else if (name.startsWith("ERROR_")) {
                    if (model.getModelElementsByType(Error.class).stream()
                            .noneMatch(e -> value.equals(e.getErrorCode()))) {
                        missing.add(where + ": no error of that code in " + file);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Main code names an element only through those classes, so that none is left out of the check above. A
     * convention several models follow (the reminder timers of {@code notification.Deadlines}) may be written where
     * it is implemented, as long as a process's class names it too.
     */
    @Test
    void noElementIdIsWrittenOutsideItsProcessModelClass() throws Exception {
        Set<String> holders = new TreeSet<>();
        Set<String> checked = new TreeSet<>();
        for (Class<?> type : processModelClasses()) {
            holders.add(Path.of("src/main/java", type.getName().replace('.', '/') + ".java").toString());
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    checked.add("\"" + field.get(null) + "\"");
                }
            }
        }
        Pattern id = Pattern.compile("\"(Task|Timer|CallActivity|SubProcess|StartEvent|EndEvent|Gateway|Event|BoundaryEvent)_\\w*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (holders.contains(file.toString())) {
                    continue;
                }
                Matcher m = id.matcher(Files.readString(file));
                while (m.find()) {
                    if (!checked.contains(m.group())) {
                        found.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    static List<Class<?>> processModelClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessModel.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("ru.nastavnik")) {
            classes.add(Class.forName(definition.getBeanClassName()));
        }
        return classes;
    }

    private static List<String> elementIds(BpmnModelInstance model) {
        return model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId)
                .filter(id -> id != null).toList();
    }
}
