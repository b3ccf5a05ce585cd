import type { IConstruct } from "constructs";
import type { CriterionId } from "../criteria/trust-services-criteria";

/** A technical control: what a module guarantees, and the criteria that guarantee serves. */
export interface Control {
  /** Stable id, such as "secure-bucket". */
  readonly id: string;
  /** One line an auditor can read: what is true of every resource that implements it. */
  readonly description: string;
  readonly criteria: readonly CriterionId[];
}

const controlsByConstruct = new WeakMap<IConstruct, Control[]>();

/** Declares a module's control once, beside the module; `implementsControl` applies it. */
export function defineControl(control: Control): Control {
  return Object.freeze({ ...control, criteria: Object.freeze([...control.criteria]) });
}

/** Marks every resource under `scope` as implementing `control`. */
export function implementsControl(scope: IConstruct, control: Control): void {
  controlsByConstruct.set(scope, [...(controlsByConstruct.get(scope) ?? []), control]);
}

export interface ControlPlacement {
  readonly control: Control;
  /** Construct path of the module; every resource beneath it implements the control. */
  readonly constructPath: string;
}

/** Every control declared under `root`, in construct-tree order. */
export function findControls(root: IConstruct): ControlPlacement[] {
  return root.node.findAll().flatMap((construct) =>
    (controlsByConstruct.get(construct) ?? []).map((control) => ({
      control,
      constructPath: construct.node.path,
    })),
  );
}
