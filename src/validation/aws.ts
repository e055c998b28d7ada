/** Shapes of AWS identifiers shared by several resources. */

/** An AWS Region name such as us-east-1 or us-gov-west-1. */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const REGION_HINT = "an AWS Region name such as us-east-1";
