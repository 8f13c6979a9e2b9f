package ru.nastavnik.participant;

import org.camunda.bpm.engine.test.Deployment;

/** The branches and timers of stage 2 (the mentee base); the story: StageBasesProcessTest. */
@Deployment(resources = "bpmn/programme-stage-2-mentee-base.bpmn")
class MenteeBaseStageBranchTest extends ParticipantBaseStageBranchTest {

    MenteeBaseStageBranchTest() {
        super(MenteeBaseStage.PROCESS_ID, 2, MenteeBaseStage.TASK_ANALYSE_MENTEE_BASE, "mentee", "2.3");
    }
}
