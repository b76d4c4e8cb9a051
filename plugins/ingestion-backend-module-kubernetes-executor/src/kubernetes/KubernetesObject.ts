/**
 * The shape every Kubernetes object this module builds or reads has. Builders return plain objects of this
 * shape (no client classes), so they stay pure functions, testable without a cluster.
 */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  /** Typed as client-node types it; objects from a watch carry the string form. Only tested for presence. */
  deletionTimestamp?: Date;
  resourceVersion?: string;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** An owner reference to `owner`, so the garbage collector deletes the dependent with it. */
export function ownerReferenceTo(owner: KubernetesObject): OwnerReference {
  if (!owner.metadata.uid) {
    throw new Error(
      `${owner.kind} ${owner.metadata.name} has no uid yet: read it back from the cluster first`,
    );
  }
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: false,
  };
}
