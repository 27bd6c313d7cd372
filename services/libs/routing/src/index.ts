export { RoutingTable, routingTableSchema, type Route } from './routing-table.js';
