import { tearDownTempRoot } from "./temp-root";

export default tearDownTempRoot;
