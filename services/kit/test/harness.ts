// The kit's integration tests run on the shared test harness. The module-boundary rule reads this
// test file as part of the type:lib project, which may not use type:test projects; production
// code of the kit never imports this file.
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '@hub/test-support';
