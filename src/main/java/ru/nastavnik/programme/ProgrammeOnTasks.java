package ru.nastavnik.programme;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import ru.nastavnik.operations.VariablesKeptByTheProduct;
import ru.nastavnik.shared.InputText;
import ru.nastavnik.shared.ProcessVariable;
import ru.nastavnik.shared.UserTaskParsing;

/**
 * Every task of a programme names its school: two «1.1 …» tasks of two schools must not look alike in Tasklist
 * or in a reminder's subject. The task's name gets the school, and the task holds the programme's title as the
 * local variable {@link ProgrammeProcess#VAR_PROGRAMME_TITLE.name()}, which Tasklist's filters show as a column and
 * select by (one filter per programme). The forms' header shows the title escaped and links to the programme's
 * overview page; those two variables are set once on the task's process instance, which belongs to one programme
 * and whose tasks' forms see its variables (as each task's own, they cost every task an insert, a history row and a
 * delete each). A step named per case takes its task's name from its {@value #TASK_NAME_PROPERTY} property first.
 */
@Component
class ProgrammeOnTasks extends AbstractProcessEnginePlugin implements VariablesKeptByTheProduct {

    /** The title as the forms' header shows it: escaped, so that a school's name cannot become a link there. */
    static final ProcessVariable<String> VAR_PROGRAMME_HEADING = ProcessVariable.text("programmeHeading");
    /**
     * The programme's overview page, a relative address (Tasklist is on the same server), which the header links as
     * «Обзор программы»: built here from the programme's id, never from typed text, so it cannot carry markup.
     */
    static final ProcessVariable<String> VAR_PROGRAMME_OVERVIEW = ProcessVariable.text("programmeOverview");
    private static final Set<String> HEADER = Set.of(ProgrammeProcess.VAR_PROGRAMME_TITLE.name(),
            VAR_PROGRAMME_HEADING.name(), VAR_PROGRAMME_OVERVIEW.name());
    /** The user task's extension property that names each of its tasks (an expression). */
    static final String TASK_NAME_PROPERTY = "taskName";
    /** Camunda's limit for a task's name. */
    static final int MAX_NAME = 255;

    private final ProgrammeSchools schools;

    // Lazy: the engine is built before Flyway has migrated the product's tables (operations/EngineSchemaFirst).
    ProgrammeOnTasks(@Lazy ProgrammeSchools schools) {
        this.schools = schools;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (element, activity, definition) -> {
            Expression taskName = taskNameExpression(element);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, task -> name(task, taskName));
        });
    }

    /**
     * A step whose tasks differ by the case («Встреча-знакомство: Иванова Анна») keeps a plain name in its diagram
     * and the case's name in the extension property {@value #TASK_NAME_PROPERTY}: an expression in the name itself
     * would show raw in the diagram.
     */
    private static Expression taskNameExpression(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(p -> TASK_NAME_PROPERTY.equals(p.attribute("name"))).findFirst()
                .map(p -> Context.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(p.attribute("value")))
                .orElse(null);
    }

    private void name(DelegateTask task, Expression taskName) {
        if (taskName != null) {
            task.setName(String.valueOf(taskName.getValue(task)));
        }
        if (!(task.getVariable(ProgrammeProcess.VAR_PROGRAMME_ID.name()) instanceof Number id)) {
            return;
        }
        schools.heading(id.longValue()).ifPresent(programme -> {
            ProgrammeProcess.VAR_PROGRAMME_TITLE.setLocal(task, programme.title());
            header(task.getExecution().getProcessInstance(), programme);
            task.setName(withSchool(task.getName(), programme.schoolName()));
        });
    }

    /**
     * The header's variables on the process instance, unless its earlier tasks set them there already: asked of the
     * instance itself, since a visible value may be another scope's. A programme's title never changes.
     */
    private static void header(DelegateExecution instance, ProgrammeRepository.TaskHeading programme) {
        if (instance.getVariableLocal(VAR_PROGRAMME_HEADING.name()) == null) {
            VAR_PROGRAMME_HEADING.setLocal(instance, InputText.markdown(programme.title()));
            VAR_PROGRAMME_OVERVIEW.setLocal(instance, overview(programme.id()));
        }
    }

    /** The title and the header are the programme's (its table holds them): no engine history of their copies. */
    @Override
    public boolean includes(String processDefinitionKey, String variableName) {
        return HEADER.contains(variableName);
    }

    static String overview(long programmeId) {
        return "/programmes/" + programmeId;
    }

    /** «1.1 Информирование педагогов — МБОУ СОШ № 6», the step's part shortened if both do not fit. */
    static String withSchool(String name, String school) {
        String step = name == null ? "" : name;
        String suffix = " — " + school;
        if (step.length() + suffix.length() <= MAX_NAME) {
            return step + suffix;
        }
        int room = Math.max(MAX_NAME - suffix.length() - 1, 0);
        String shortened = step.substring(0, Math.min(room, step.length())) + "…" + suffix;
        return shortened.length() <= MAX_NAME ? shortened : shortened.substring(0, MAX_NAME - 1) + "…";
    }
}
