/**
 * Job steps ({@code srun} inside an allocation): what a step is ({@link
 * dev.pounce.core.step.Step}), how its tasks are laid out over the job's nodes ({@link
 * dev.pounce.core.step.StepLayout}) and how its tasks' exits make the step's state and exit code
 * ({@link dev.pounce.core.step.StepOutcome}).
 */
package dev.pounce.core.step;
