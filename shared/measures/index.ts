export * from './matrix-totals';
export * from './flow-measures';
export * from './corridors';
