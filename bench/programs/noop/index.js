// The baseline for engine overhead: N dynamic resources whose create returns at once.
const pulumi = require("@pulumi/pulumi");

const provider = {
  async create(inputs) {
    return { id: `noop-${inputs.i}`, outs: inputs };
  },
};
const count = new pulumi.Config("test").requireNumber("count");
for (let i = 0; i < count; i++)
  new pulumi.dynamic.Resource(provider, `noop-${i}`, { i }, undefined, "bench", "Noop");
