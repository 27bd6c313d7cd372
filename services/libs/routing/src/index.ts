export {
  RoutingTable,
  routingTableSchema,
  routingTableSchemaFor,
  type Route,
} from './routing-table.js';
