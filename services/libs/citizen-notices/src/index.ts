export {
  citizenStatusForProcedure,
  documentNotices,
  hubSteps,
  postboxTitle,
  type CitizenStatus,
  type DocumentNotice,
} from './citizen-notices.js';
