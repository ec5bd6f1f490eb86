export * from "./audit";
export * from "./evidence";
export * from "./funding";
export * from "./organisations";
export * from "./recommendations";
export * from "./staff";
export * from "./training";
export * from "./users";
