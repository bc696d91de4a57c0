// Education levels asked on the registration form (失业人员登记表, SPEC §1.12 "Skills: education level").

/** Highest education completed, lowest first. */
export const EDUCATION_LEVELS = ['junior_or_below', 'senior', 'college', 'bachelor', 'postgraduate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
