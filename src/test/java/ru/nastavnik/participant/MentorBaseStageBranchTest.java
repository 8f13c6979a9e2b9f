package ru.nastavnik.participant;

import org.camunda.bpm.engine.test.Deployment;

/** The branches and timers of stage 3 (the mentor base); the story: StageBasesProcessTest. */
@Deployment(resources = "bpmn/programme-stage-3-mentor-base.bpmn")
class MentorBaseStageBranchTest extends ParticipantBaseStageBranchTest {

    MentorBaseStageBranchTest() {
        super(MentorBaseStage.PROCESS_ID, 3, MentorBaseStage.TASK_ANALYSE_MENTOR_BASE, "mentor", "3.4");
    }
}
