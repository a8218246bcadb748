import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ivs from 'aws-cdk-lib/aws-ivs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Live video in AWS, all in the `livestream` stack that holds the ivs-events function (one stack: the rule targets
 * the function and the function reads the bucket without cross-stack references):
 *  - the recording bucket (private) behind a CloudFront distribution (origin access control) that players read replays from;
 *  - the IVS recording configuration channels are created with (recording to that bucket, 60 s reconnect window so a
 *    short drop stays one recording);
 *  - the EventBridge rule sending "IVS Stream State Change" / "IVS Recording State Change" to the function (retried,
 *    events older than 6 h dropped);
 *  - the function's permissions: read recordings (recording-ended.json), ivs:GetStream (double-checks late ends);
 *  - a managed policy with the IVS calls the app makes, for the Amplify Hosting compute role.
 */
export function addLivestream(fn: lambda.IFunction) {
  const stack = Stack.of(fn);

  const bucket = new s3.Bucket(stack, 'RecordingBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const distribution = new cloudfront.Distribution(stack, 'RecordingCdn', {
    comment: 'VITA live replays',
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS,
    },
  });

  const recording = new ivs.CfnRecordingConfiguration(stack, 'RecordingConfiguration', {
    destinationConfiguration: { s3: { bucketName: bucket.bucketName } },
    recordingReconnectWindowSeconds: 60,
    thumbnailConfiguration: { recordingMode: 'INTERVAL', targetIntervalSeconds: 30 },
  });

  const channelArns = stack.formatArn({ service: 'ivs', resource: 'channel', resourceName: '*' });
  bucket.grantRead(fn);
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ivs:GetStream'], resources: [channelArns] }));
  if ('addEnvironment' in fn) (fn as lambda.Function).addEnvironment('LIVE_RECORDINGS_BASE_URL', `https://${distribution.distributionDomainName}`);

  const rule = new events.Rule(stack, 'IvsStateChangeRule', {
    description: 'IVS stream and recording state changes → ivs-events',
    eventPattern: { source: ['aws.ivs'], detailType: ['IVS Stream State Change', 'IVS Recording State Change'] },
    targets: [new targets.LambdaFunction(fn, { retryAttempts: 8, maxEventAge: Duration.hours(6) })],
  });

  const appPolicy = new iam.ManagedPolicy(stack, 'AppIvsPolicy', {
    description: 'IVS calls the VITA app makes (attach to the Amplify Hosting compute role)',
    statements: [
      new iam.PolicyStatement({
        actions: ['ivs:CreateChannel', 'ivs:TagResource'],
        resources: [channelArns, stack.formatArn({ service: 'ivs', resource: 'recording-configuration', resourceName: '*' })],
      }),
      new iam.PolicyStatement({
        actions: ['ivs:CreateStreamKey', 'ivs:DeleteStreamKey', 'ivs:PutMetadata', 'ivs:StopStream', 'ivs:GetStream'],
        resources: [channelArns, stack.formatArn({ service: 'ivs', resource: 'stream-key', resourceName: '*' })],
      }),
    ],
  });

  return { stack, bucket, distribution, recording, rule, appPolicy };
}
