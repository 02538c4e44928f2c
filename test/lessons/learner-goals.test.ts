import {beforeAll, describe, expect, it} from 'vitest';
import {startChapter, type ChapterState} from '../../source/lessons/chapter.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {replay} from '../../source/game/replay.js';
import type {LoadedLesson} from '../../source/lessons/schema.js';

// The shipped chapters judge what the learner did and saw, not what the game did for them:
// routes replayed through the real lesson engine, goal by goal (issue 7, "Goals judge what the
// learner did"). Each case failed with the goals as they were before.

const lessons = loadLessonDir(defaultLessonsDir()).lessons;
const chapter = (id: string): LoadedLesson => {
	const lesson = lessons.find(l => l.id === id);
	if (!lesson) throw new Error(`no chapter ${id}`);
	return lesson;
};

/** Goal id -> met, after the lines (from the chapter's start, set up once per chapter). */
const goalsAfter = (lesson: LoadedLesson, start: ChapterState, lines: string[]): Record<string, boolean> => {
	const run = replay(lesson, lines, undefined, start);
	return Object.fromEntries(run.state.goals.map(g => [g.id, g.met]));
};

describe('chapter 2: baking the image', () => {
	const lesson = chapter('baking-the-image');
	let start: ChapterState;
	beforeAll(() => {
		start = startChapter(lesson);
	});
	const bake = [
		"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl enable --now httpd'",
		'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
	];
	const launch = [
		'aws ec2 wait image-available --image-ids $IMG',
		"T=$(aws ec2 run-instances --image-id $IMG --instance-type t3.micro --key-name lab-key --security-group-ids $SG --query 'Instances[0].InstanceId' --output text)",
		'aws ec2 wait instance-running --instance-ids $T',
	];

	it('the test computer counts only once the learner fetched its page with curl, at the prompt or over ssh', () => {
		expect(goalsAfter(lesson, start, [...bake, ...launch]).tested).toBe(false);
		const ip = "$(aws ec2 describe-instances --instance-ids $T --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)";
		expect(goalsAfter(lesson, start, [...bake, ...launch, `curl -s http://${ip}/`]).tested).toBe(true);
		expect(goalsAfter(lesson, start, [...bake, ...launch, `ssh -i lab-key.pem ec2-user@${ip} 'curl -s localhost'`]).tested).toBe(true);
		// lab-pc serves the same page, but it was not launched from the image
		expect(goalsAfter(lesson, start, [...bake, ...launch, 'curl -s http://$IP/']).tested).toBe(false);
	});

	it('the snapshot is found when its ID was shown, by describe-snapshots or by the image mapping, not by an empty list', () => {
		expect(goalsAfter(lesson, start, ['aws ec2 describe-snapshots --owner-ids self', ...bake]).snapshot).toBe(false);
		expect(goalsAfter(lesson, start, [...bake, 'SNAP=$(aws ec2 describe-images --image-ids $IMG --query "Images[0].BlockDeviceMappings[0].Ebs.SnapshotId" --output text)']).snapshot).toBe(false);
		expect(goalsAfter(lesson, start, [...bake, "aws ec2 describe-images --image-ids $IMG --query 'Images[0].BlockDeviceMappings'"]).snapshot).toBe(true);
		expect(goalsAfter(lesson, start, [...bake, 'aws ec2 describe-snapshots --owner-ids self | grep SnapshotId']).snapshot).toBe(true);
	});

	it('pending to available is watched by a look after a look, or by the waiter, never by the clock alone', () => {
		const state = "aws ec2 describe-images --image-ids $IMG --query 'Images[0].State' --output text";
		expect(goalsAfter(lesson, start, [...bake, 'sleep 300', state]).available).toBe(false);
		expect(goalsAfter(lesson, start, [...bake, state, 'sleep 300', state]).available).toBe(true);
		expect(goalsAfter(lesson, start, [...bake, 'aws ec2 wait image-available --image-ids $IMG']).available).toBe(true);
		expect(goalsAfter(lesson, start, [...bake, 'aws ec2 wait image-available --filters Name=name,Values=lab-master-v1']).available).toBe(true);
	});
});

describe('chapter 3: a class of identical computers', () => {
	const lesson = chapter('a-class-of-computers');
	let start: ChapterState;
	beforeAll(() => {
		start = startChapter(lesson);
	});
	const ipOf = (type: string) => `$(aws ec2 describe-instances --filters Name=image-id,Values=$IMG Name=instance-type,Values=${type} Name=instance-state-name,Values=running --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)`;
	const launched = [
		'aws ec2 run-instances --image-id $IMG --count 3 --instance-type t3.micro --key-name lab-key --security-group-ids $SG',
		"aws ec2 run-instances --image-id $IMG --instance-type t3.small --block-device-mappings 'DeviceName=/dev/xvda,Ebs={VolumeSize=20}' --key-name lab-key --security-group-ids $SG",
		'aws ec2 wait instance-running --filters Name=image-id,Values=$IMG',
	];

	it("needs the learner's own curl of a pupil's computer: not the game's, not the teacher's", () => {
		expect(goalsAfter(lesson, start, launched)['page-served']).toBe(false);
		expect(goalsAfter(lesson, start, [...launched, `curl http://${ipOf('t3.small')}/`])['page-served']).toBe(false);
		expect(goalsAfter(lesson, start, [...launched, `curl http://${ipOf('t3.micro')}/`])['page-served']).toBe(true);
	});
});

describe('chapter 5: the second building', () => {
	const lesson = chapter('the-second-building');
	let start: ChapterState;
	beforeAll(() => {
		start = startChapter(lesson);
	});

	it('the copy must carry every tag of the source, not one', () => {
		const copy = 'COPY=$(aws ec2 copy-image --region eu-west-1 --source-region us-east-1 --source-image-id $IMG --name lab-master-v1 --encrypted --query ImageId --output text)';
		expect(goalsAfter(lesson, start, [copy, 'aws ec2 create-tags --region eu-west-1 --resources $COPY --tags Key=Version,Value=1']).copied).toBe(false);
		expect(goalsAfter(lesson, start, [copy, 'aws ec2 create-tags --region eu-west-1 --resources $COPY --tags Key=Version,Value=1 Key=CostCentre,Value=ict']).copied).toBe(true);
		expect(goalsAfter(lesson, start, [copy.replace('--encrypted', '--encrypted --copy-image-tags')]).copied).toBe(true);
	});
});

describe('chapter 7: spring cleaning', () => {
	const lesson = chapter('spring-cleaning');
	let start: ChapterState;
	beforeAll(() => {
		start = startChapter(lesson);
	});
	const look = "aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[].Instances[].[InstanceId,State.Name]' --output text";
	const deregister = "aws ec2 deregister-image --image-id $(aws ec2 describe-images --owners self --filters Name=name,Values=school-lab-spring --query 'Images[0].ImageId' --output text)";

	it('the exam-server check counts only when made after the spring image was deregistered', () => {
		expect(goalsAfter(lesson, start, [look, deregister])['exam-survived']).toBe(false);
		expect(goalsAfter(lesson, start, [deregister, look])['exam-survived']).toBe(true);
	});
});

describe('chapter 8: what an image is made of', () => {
	const lesson = chapter('what-an-image-is');
	let start: ChapterState;
	beforeAll(() => {
		start = startChapter(lesson);
	});
	const snap = "SNAP=$(aws ec2 describe-snapshots --owner-ids self --query 'Snapshots[0].SnapshotId' --output text)";

	it('a failed run-instances that names the snapshot counts as trying to launch from it, whatever the error', () => {
		expect(goalsAfter(lesson, start, [snap, 'aws ec2 run-instances --image-id $SNAP --instance-type t3.micro'])['snapshot-not-launchable']).toBe(true);
		const other = 'aws ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --block-device-mappings "DeviceName=/dev/xvda,Ebs={SnapshotId=$SNAP}"';
		expect(goalsAfter(lesson, start, [snap, other])['snapshot-not-launchable']).toBe(true);
		expect(goalsAfter(lesson, start, [snap, 'aws ec2 describe-snapshots --snapshot-ids $SNAP'])['snapshot-not-launchable']).toBe(false);
	});

	it('the legacy instance-store image launches where the lesson says (m1.small), as real AWS would', () => {
		const legacy = "L=$(aws ec2 describe-images --owners self --filters Name=name,Values=lab-2012-legacy --query 'Images[0].ImageId' --output text)";
		const run = replay(lesson, [legacy, 'aws ec2 run-instances --image-id $L --instance-type m1.small'], undefined, start);
		expect(run.steps.at(-1)!.exitCode).toBe(0);
		const hvm = replay(lesson, ["aws ec2 run-instances --image-id $(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'Images[0].ImageId' --output text) --instance-type m1.small"], undefined, start);
		expect(hvm.steps.at(-1)!.stderr).toContain("Non-Windows instances with a virtualization type of 'hvm' are currently not supported for this instance type.");
	});

	it('a disk registered with the wrong architecture or virtualization type does not boot and serve the page', () => {
		const serve = (register: string, type: string) => [
			snap,
			`AMI=$(aws ec2 register-image --name lab-restored --root-device-name /dev/xvda --block-device-mappings "DeviceName=/dev/xvda,Ebs={SnapshotId=$SNAP}" ${register} --query ImageId --output text)`,
			`ID=$(aws ec2 run-instances --image-id $AMI --instance-type ${type} --security-groups lab-web --query 'Instances[0].InstanceId' --output text)`,
			'aws ec2 wait instance-running --instance-ids $ID',
			"curl -s -m 5 http://$(aws ec2 describe-instances --instance-ids $ID --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)",
		];
		expect(goalsAfter(lesson, start, serve('', 'm1.small'))['server-back']).toBe(false);
		expect(goalsAfter(lesson, start, serve('--architecture x86_64', 'm3.medium'))['server-back']).toBe(false);
		expect(goalsAfter(lesson, start, serve('--architecture x86_64 --virtualization-type hvm --ena-support', 't3.micro'))['server-back']).toBe(true);
	});
});

describe('chapter 9: disaster drill', () => {
	const lesson = chapter('disaster-drill');
	let start: ChapterState;
	beforeAll(() => {
		start = startChapter(lesson);
	});

	it('the key pair must be on an instance launched from the copy', () => {
		const copy = 'COPY=$(aws ec2 copy-image --region us-west-2 --source-region us-east-1 --source-image-id $(aws ec2 describe-images --owners self --query "Images[0].ImageId" --output text) --name dr-copy --query ImageId --output text)';
		const key = 'aws ec2 create-key-pair --region us-west-2 --key-name dr-key --query KeyMaterial --output text > dr-key.pem';
		const stock = "aws ec2 run-instances --region us-west-2 --image-id $(aws ec2 describe-images --region us-west-2 --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'Images[0].ImageId' --output text) --instance-type t3.micro --key-name dr-key";
		const fromCopy = (withKey: boolean) => ['aws ec2 wait image-available --region us-west-2 --image-ids $COPY', `aws ec2 run-instances --region us-west-2 --image-id $COPY --instance-type t3.micro${withKey ? ' --key-name dr-key' : ''}`];
		expect(goalsAfter(lesson, start, [copy, key, stock, ...fromCopy(false)])['key-in-oregon']).toBe(false);
		expect(goalsAfter(lesson, start, [copy, key, ...fromCopy(true)])['key-in-oregon']).toBe(true);
	});
});
