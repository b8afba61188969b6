export * from './instrument-types';
export { OUTCOME_INSTRUMENTS, outcomeInstrument } from './instruments';
export { outcomeAnswersSchema, refineOutcomeAnswers } from './answers';
export type { ItemAnswer, PsfsAnswer, OutcomeAnswers, OutcomeAnswersFor } from './answers';
export { scoreOutcome } from './scoring';
export type { OutcomeScore } from './scoring';
export { changeFromBaseline, isResponder, mcidTarget } from './change';
export type { OutcomeChange } from './change';
