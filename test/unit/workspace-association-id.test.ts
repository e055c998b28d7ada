import { describe, expect, it } from "vitest";
import {
  formatWorkspaceAssociationId,
  parseWorkspaceAssociationId,
} from "../../src/workspace-association/id";

describe("WorkspaceAssociation id", () => {
  it("joins instance and workspace with | and splits at the first |", () => {
    const id = formatWorkspaceAssociationId("i-1", "ws|odd");
    expect(id).toBe("i-1|ws|odd");
    expect(parseWorkspaceAssociationId(id)).toEqual({ instanceId: "i-1", workspaceId: "ws|odd" });
  });

  it("refuses an id without both parts, saying the expected format", () => {
    for (const bad of ["i-1", "|ws", "i-1|"])
      expect(() => parseWorkspaceAssociationId(bad)).toThrow(
        `'${bad}' is not a WorkspaceAssociation id: expected <instanceId>|<workspaceId>`,
      );
  });
});
