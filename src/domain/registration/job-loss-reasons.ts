// Reasons a person may be registered as unemployed (就业服务与就业管理规定 art. 65, SPEC §5.2; form field, SPEC §1.12).

export const JOB_LOSS_REASONS = ['graduated', 'lost_job', 'business_closed', 'land_requisitioned', 'left_military', 'released', 'other'] as const;
export type JobLossReason = (typeof JOB_LOSS_REASONS)[number];

export const JOB_LOSS_REASON_SOURCE = 'employment-services-provisions#第六十五条';
