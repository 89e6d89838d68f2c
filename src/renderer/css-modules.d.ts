// Runs in: renderer (types only). Owns: the type of CSS modules, which Vite turns into class-name maps.
declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}
