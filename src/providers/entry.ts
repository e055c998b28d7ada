import type * as dynamic from "@pulumi/pulumi/dynamic";

/*
 * The only code serialized into state (as `__provider`). Each method requires the package by its
 * public subpath inside its body and delegates, so the serialized text captures nothing: no SDK
 * (which cannot be serialized), no settings, no endpoint, no credential, no machine path. It is
 * resolved from the program's node_modules in the provider process, so refresh and destroy run the
 * installed package's code. The type name is a literal in each body for the same reason.
 */

export const botAssociationEntry: dynamic.ResourceProvider = {
  async configure(req) {
    return require("pulumi-connect-associations/providers/runtime").configure(req);
  },
  async check(olds, news) {
    return require("pulumi-connect-associations/providers/runtime")
      .provider("BotAssociation")
      .check(olds, news);
  },
  async diff(id, olds, news) {
    return require("pulumi-connect-associations/providers/runtime")
      .provider("BotAssociation")
      .diff(id, olds, news);
  },
  async create(inputs) {
    return require("pulumi-connect-associations/providers/runtime").provider("BotAssociation").create(inputs);
  },
  async read(id, props) {
    return require("pulumi-connect-associations/providers/runtime")
      .provider("BotAssociation")
      .read(id, props);
  },
  async update(id, olds, news) {
    return require("pulumi-connect-associations/providers/runtime")
      .provider("BotAssociation")
      .update(id, olds, news);
  },
  async delete(id, props) {
    return require("pulumi-connect-associations/providers/runtime")
      .provider("BotAssociation")
      .delete(id, props);
  },
};
