import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Synthesizes the real Amplify backend offline (no AWS account, no network) and checks the
 * CloudFormation it would deploy. ~10 s and ~500 MB in a child process.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SYNTH_TIMEOUT_MS = 180_000;

type Json = Record<string, unknown>;
type Resource = { Type: string; Properties?: Json };
type CfnTemplate = { Resources: Record<string, Resource> };

let outDir: string;
let root: CfnTemplate;
let nested: CfnTemplate[];

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-amplify-synth-'));
  await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/tsx'), ['amplify/backend.ts'], {
    cwd: repoRoot,
    timeout: SYNTH_TIMEOUT_MS,
    maxBuffer: 32 * 1024 * 1024,
    env: {
      ...process.env,
      CDK_OUTDIR: outDir,
      // Pinned secretLastUpdated keeps the templates stable between runs.
      CDK_CONTEXT_JSON: JSON.stringify({
        'amplify-backend-namespace': 'vita',
        'amplify-backend-name': 'test',
        'amplify-backend-type': 'sandbox',
        secretLastUpdated: 1700000000000,
      }),
      AMPLIFY_DISABLE_TELEMETRY: '1',
    },
  });
  const files = (await fs.readdir(outDir)).filter((f) => f.endsWith('.template.json'));
  const load = async (f: string) => JSON.parse(await fs.readFile(path.join(outDir, f), 'utf8')) as CfnTemplate;
  const rootFiles = files.filter((f) => !f.endsWith('.nested.template.json'));
  expect(rootFiles).toHaveLength(1);
  root = await load(rootFiles[0]!);
  nested = await Promise.all(files.filter((f) => f.endsWith('.nested.template.json')).map(load));
}, SYNTH_TIMEOUT_MS);

afterAll(async () => {
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

/** The one nested stack holding a resource of this type. */
function stackWith(type: string): { json: CfnTemplate; template: Template } {
  const matches = nested.filter((t) => Object.values(t.Resources).some((r) => r.Type === type));
  expect(matches, `stacks with ${type}`).toHaveLength(1);
  return { json: matches[0]!, template: Template.fromJSON(matches[0]!) };
}

/** The media storage stack (the livestream stack has a bucket too: the recordings). */
function storageStack(): { json: CfnTemplate; template: Template } {
  const matches = nested.filter(
    (t) => Object.values(t.Resources).some((r) => r.Type === 'AWS::S3::Bucket') && !Object.values(t.Resources).some((r) => r.Type === 'AWS::IVS::RecordingConfiguration'),
  );
  expect(matches).toHaveLength(1);
  return { json: matches[0]!, template: Template.fromJSON(matches[0]!) };
}

function logicalIdOf(t: CfnTemplate, type: string, predicate: (r: Resource) => boolean): string {
  const ids = Object.entries(t.Resources)
    .filter(([, r]) => r.Type === type && predicate(r))
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** `{ Fn::Join: ['', [{ Fn::GetAtt: [bucket, 'Arn'] }, '/media/*']] }` -> `<bucket>/media/*`. */
function arnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(arnText).join(join[0]);
  if ((value as Json)['Fn::GetAtt']) return '<bucket>';
  return JSON.stringify(value);
}

type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

/**
 * Allowed S3 actions -> resources, for the storage policies attached to one identity-pool role.
 * The fragment keeps the `Auth` prefix so `authenticated` does not also match `unauthenticated`.
 */
function s3GrantsFor(roleRefFragment: string): Map<string, string[]> {
  const { json } = storageStack();
  const grants = new Map<string, string[]>();
  const policies = Object.values(json.Resources).filter(
    (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(roleRefFragment),
  );
  expect(policies.length, `policies for ${roleRefFragment}`).toBeGreaterThan(0);
  for (const p of policies) {
    for (const s of (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement) {
      if (s.Effect !== 'Allow') continue;
      const resources = (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(arnText);
      for (const action of [s.Action].flat()) grants.set(action, [...(grants.get(action) ?? []), ...resources]);
    }
  }
  return grants;
}

describe('Amplify backend synthesis', () => {
  it('has one nested stack each for auth (with its trigger), storage and livestream', () => {
    const stacks = Object.values(root.Resources).filter((r) => r.Type === 'AWS::CloudFormation::Stack');
    expect(stacks).toHaveLength(3);
    expect(nested).toHaveLength(3);
  });

  it('creates a user pool with email sign-in, optional TOTP MFA and email recovery', () => {
    stackWith('AWS::Cognito::UserPool').template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: Match.arrayWith(['SOFTWARE_TOKEN_MFA']),
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: Match.arrayWith([Match.objectLike({ Name: 'email', Required: true })]),
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('requires MFA for admins: a pre-token-generation gate (TOTP optional for everyone else) that may read users', () => {
    const { json, template } = stackWith('AWS::Cognito::UserPool');
    const fnId = logicalIdOf(json, 'AWS::Lambda::Function', (r) => JSON.stringify(r.Properties?.Tags).includes('"admin-mfa-gate"'));
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      LambdaConfig: Match.objectLike({ PreTokenGeneration: { 'Fn::GetAtt': [fnId, 'Arn'] } }),
    });
    const fn = json.Resources[fnId]!;
    const roleId = ((fn.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'])[0];
    const actions = Object.values(json.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(roleId))
      .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement)
      .flatMap((st) => [st.Action].flat());
    expect(actions).toContain('cognito-idp:AdminGetUser');
    expect(actions.filter((a) => a.startsWith('cognito-idp:'))).toEqual(['cognito-idp:AdminGetUser']);
  });

  it('wires the post-confirmation Lambda as the trigger, with DATABASE_URL from a secret', () => {
    const { json, template } = stackWith('AWS::Cognito::UserPool');
    const fnId = logicalIdOf(json, 'AWS::Lambda::Function', (r) =>
      JSON.stringify(r.Properties?.Tags).includes('"post-confirmation"'),
    );
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': [fnId, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: Match.stringLikeRegexp('^nodejs'),
      Environment: {
        Variables: Match.objectLike({ AMPLIFY_SSM_ENV_CONFIG: Match.stringLikeRegexp('"DATABASE_URL"') }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });

  it('creates the sellers and admins groups', () => {
    const { template } = stackWith('AWS::Cognito::UserPoolGroup');
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 2);
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'sellers' });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins' });
  });

  it('federates Google with email mapping and the email/profile/openid scopes', () => {
    stackWith('AWS::Cognito::UserPoolIdentityProvider').template.hasResourceProperties(
      'AWS::Cognito::UserPoolIdentityProvider',
      {
        ProviderName: 'Google',
        ProviderType: 'Google',
        AttributeMapping: { email: 'email' },
        ProviderDetails: Match.objectLike({ authorize_scopes: 'email profile openid' }),
      },
    );
  });

  it('keeps SRP and refresh on the app client and adds USER_PASSWORD_AUTH', () => {
    const { template } = stackWith('AWS::Cognito::UserPoolClient');
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']),
      CallbackURLs: Match.arrayWith(['http://localhost:3000/']),
      LogoutURLs: Match.arrayWith(['http://localhost:3000/']),
      AllowedOAuthScopes: Match.arrayWith(['email', 'profile', 'openid']),
    });
  });

  it('creates one media bucket', () => {
    storageStack().template.resourceCountIs('AWS::S3::Bucket', 1);
  });

  it('lets guests get (not list, not write) public store files and media', () => {
    const guest = s3GrantsFor('AuthunauthenticatedUserRole');
    expect(guest.get('s3:GetObject')).toEqual(expect.arrayContaining(['<bucket>/media/*', '<bucket>/public/stores/*']));
    expect([...guest.keys()].sort()).toEqual(['s3:GetObject']);
  });

  it('lets signed-in users get all media but write and delete only under their own identity', () => {
    const user = s3GrantsFor('AuthauthenticatedUserRole');
    const own = '<bucket>/media/${cognito-identity.amazonaws.com:sub}/*';
    expect(user.get('s3:GetObject')).toEqual(expect.arrayContaining(['<bucket>/media/*', '<bucket>/public/stores/*']));
    expect(user.get('s3:PutObject')).toEqual([own]);
    expect(user.get('s3:DeleteObject')).toEqual([own]);
    expect(user.get('s3:ListBucket')).toHaveLength(1);
  });

  describe('livestream (IVS)', () => {
    const live = () => stackWith('AWS::IVS::RecordingConfiguration');
    const fnId = () =>
      logicalIdOf(live().json, 'AWS::Lambda::Function', (r) => JSON.stringify(r.Properties?.Tags).includes('"ivs-events"'));

    it('records to a private, encrypted bucket in the same stack, served to players through CloudFront', () => {
      const { json, template } = live();
      template.resourceCountIs('AWS::S3::Bucket', 1);
      const bucketId = logicalIdOf(json, 'AWS::S3::Bucket', () => true);
      template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: Match.objectLike({}),
      });
      template.hasResourceProperties('AWS::IVS::RecordingConfiguration', {
        DestinationConfiguration: { S3: { BucketName: { Ref: bucketId } } },
        RecordingReconnectWindowSeconds: 60,
      });
      template.resourceCountIs('AWS::CloudFront::Distribution', 1);
      template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    });

    it('sends IVS stream and recording state changes to the ivs-events function through an EventBridge rule', () => {
      const { template } = live();
      const id = fnId();
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ['aws.ivs'], 'detail-type': ['IVS Stream State Change', 'IVS Recording State Change'] },
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 8 }) })],
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [id, 'Arn'] },
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: Match.stringLikeRegexp('^nodejs'),
        Environment: {
          Variables: Match.objectLike({
            AMPLIFY_SSM_ENV_CONFIG: Match.stringLikeRegexp('"DATABASE_URL"'),
            LIVE_RECORDINGS_BASE_URL: Match.anyValue(),
          }),
        },
      });
    });

    it('lets the function read recordings and ask IVS about a stream, nothing more on IVS', () => {
      const { json } = live();
      const role = Object.entries(json.Resources).find(([, r]) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties).includes('lambda.amazonaws.com'))![0];
      const statements = Object.values(json.Resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(role))
        .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
      const actions = statements.flatMap((s) => [s.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['s3:GetObject*', 'ivs:GetStream']));
      expect(actions.filter((a) => a.startsWith('ivs:'))).toEqual(['ivs:GetStream']);
      expect(actions.some((a) => /^s3:(Put|Delete)/.test(a))).toBe(false);
    });

    it('offers the app a managed policy for the IVS calls it makes', () => {
      const { json } = live();
      const policy = Object.values(json.Resources).find((r) => r.Type === 'AWS::IAM::ManagedPolicy')!;
      const actions = (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement.flatMap((s) => [s.Action].flat());
      expect(actions.sort()).toEqual(
        ['ivs:CreateChannel', 'ivs:CreateStreamKey', 'ivs:DeleteStreamKey', 'ivs:GetStream', 'ivs:PutMetadata', 'ivs:StopStream', 'ivs:TagResource'].sort(),
      );
    });
  });
});
