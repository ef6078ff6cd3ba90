// Schemas of this area's routes.
export {};
