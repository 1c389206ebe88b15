export {
  createLoopbackServer,
  type LoopbackRequest,
  type LoopbackResponse,
  type LoopbackServer,
  type LoopbackServerOptions,
} from './create-loopback-server';
export { deliverNotification, type NotificationDelivery } from './deliver-notification';
