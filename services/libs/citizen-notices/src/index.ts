export {
  citizenStatusForProcedure,
  drinkingWaterResult,
  hubSteps,
  postboxTitle,
  type CitizenStatus,
} from './citizen-notices.js';
