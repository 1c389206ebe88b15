/**
 * The PostgreSQL channel on which released order locks are announced (NOTIFY), with orderKey(account, orderId)
 * as the payload: every instance LISTENs on it to wake its waiting requests.
 */
export const orderReleasedChannel = 'refunds_order_released';
