export {
  citizenStatusForProcedure,
  documentNotices,
  drinkingWaterResult,
  hubSteps,
  postboxTitle,
  type CitizenStatus,
  type DocumentNotice,
} from './citizen-notices.js';
