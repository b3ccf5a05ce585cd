import { setUpTempRoot } from "./temp-root";

export default setUpTempRoot;
