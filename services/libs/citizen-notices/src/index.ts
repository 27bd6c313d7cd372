export {
  citizenStatusForProcedure,
  hubSteps,
  postboxTitle,
  type CitizenStatus,
} from './citizen-notices.js';
