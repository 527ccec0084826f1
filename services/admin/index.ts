export {
  assignStaffToChain,
  chainOfStaff,
  changeRole,
  isChainCode,
  listStaffMembers,
} from './admin.service.js';
