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

// Issue 19, "Judge what the learner did, by any route": each case was judged the other way before.
describe('any route the learner takes counts, as a rule of the goal language', () => {
	const started = new Map<string, ChapterState>();
	const after = (id: string, lines: string[]): Record<string, boolean> => {
		const lesson = chapter(id);
		if (!started.has(id)) started.set(id, startChapter(lesson));
		return goalsAfter(lesson, started.get(id)!, lines);
	};

	describe('commands run through xargs, a for loop or $(…) are commands the learner ran', () => {
		const pupils = "aws ec2 describe-instances --filters Name=instance-type,Values=t3.micro Name=instance-state-name,Values=running --query 'Reservations[].Instances[].PublicIpAddress' --output text";
		const launched = [
			'aws ec2 run-instances --image-id $IMG --count 3 --instance-type t3.micro --key-name lab-key --security-group-ids $SG',
			'aws ec2 wait instance-running --filters Name=image-id,Values=$IMG',
		];

		it('a curl through xargs, or in a for loop, fetched the page (chapter 3)', () => {
			expect(after('a-class-of-computers', [...launched, `${pupils} | xargs -n1 curl -s`])['page-served']).toBe(true);
			expect(after('a-class-of-computers', [...launched, `${pupils.replace('PublicIpAddress', '[PublicIpAddress]')} | xargs -I{} curl -s http://{}/`])['page-served']).toBe(true);
			expect(after('a-class-of-computers', [...launched, `for ip in $(${pupils}); do curl -s http://$ip/; done`])['page-served']).toBe(true);
		});

		it('a page fetched inside $(…) counts once it reached the screen, not while it sits in a variable', () => {
			expect(after('a-class-of-computers', [...launched, `echo "$(curl -s http://$(${pupils} | xargs -n1 | head -1)/)"`])['page-served']).toBe(true);
			expect(after('a-class-of-computers', [...launched, `PAGE=$(curl -s http://$(${pupils} | xargs -n1 | head -1)/)`])['page-served']).toBe(false);
			expect(after('a-class-of-computers', [...launched, `PAGE=$(curl -s http://$(${pupils} | xargs -n1 | head -1)/)`, 'echo $PAGE'])['page-served']).toBe(true);
		});

		it('sudo runs what it is given as the learner (a curl under sudo inside the server)', () => {
			const ip = "$(aws ec2 describe-instances --filters Name=image-id,Values=$IMG Name=instance-type,Values=t3.micro Name=instance-state-name,Values=running --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)";
			expect(after('a-class-of-computers', [...launched, `ssh -i lab-key.pem ec2-user@${ip} 'sudo bash -c "curl -s localhost"'`])['page-served']).toBe(true);
		});
	});

	it('a value captured in a variable and then used was found, as if printed (chapter 2)', () => {
		const bake = [
			"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl enable --now httpd'",
			'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
		];
		const snap = 'SNAP=$(aws ec2 describe-images --image-ids $IMG --query "Images[0].BlockDeviceMappings[0].Ebs.SnapshotId" --output text)';
		expect(after('baking-the-image', [...bake, snap]).snapshot).toBe(false);
		expect(after('baking-the-image', [...bake, snap, 'aws ec2 create-tags --resources $SNAP --tags Key=Role,Value=lab'])).toMatchObject({snapshot: true});
		expect(after('baking-the-image', [...bake, 'aws ec2 create-tags --tags Key=Role,Value=lab --resources $(aws ec2 describe-images --image-ids $IMG --query "Images[0].BlockDeviceMappings[0].Ebs.SnapshotId" --output text)']).snapshot).toBe(true);
	});

	describe('a state counts however the learner confirmed it', () => {
		const deregister = "aws ec2 deregister-image --image-id $(aws ec2 describe-images --owners self --filters Name=name,Values=school-lab-spring --query 'Images[0].ImageId' --output text)";

		it('the exam server: a waiter that succeeded, a describe through a state filter, a state read into a variable and printed (chapter 7)', () => {
			const survived = (look: string[]) => after('spring-cleaning', [deregister, ...look])['exam-survived'];
			expect(survived(['aws ec2 wait instance-running --filters Name=tag:Name,Values=exam-server'])).toBe(true);
			expect(survived(["aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server Name=instance-state-name,Values=running --query 'Reservations[].Instances[].InstanceId' --output text"])).toBe(true);
			expect(survived(["aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server Name=instance-state-name,Values=running --query 'length(Reservations)'"])).toBe(true);
			expect(survived(["S=$(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].State.Name' --output text)", 'echo $S'])).toBe(true);
			// not a look at its state
			expect(survived(["aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[].Instances[].InstanceId' --output text"])).toBe(false);
			expect(survived(["S=$(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].State.Name' --output text)"])).toBe(false);
			// a later program that prints the same word by itself does not use the captured one
			const stop = "aws ec2 stop-instances --instance-ids $(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].InstanceId' --output text)";
			expect(survived(["S=$(aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server --query 'Reservations[0].Instances[0].State.Name' --output text)", stop])).toBe(false);
			// a state filter that returned nothing, or another instance
			expect(survived(['aws ec2 describe-instances --filters Name=tag:Name,Values=exam-server Name=instance-state-name,Values=stopped'])).toBe(false);
		});

		it('pending then available: a waiter counts as a look, the same as describe-images (chapter 2)', () => {
			const bake = [
				"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl enable --now httpd'",
				'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
			];
			const available = (lines: string[]) => after('baking-the-image', [...bake, ...lines]).available;
			const state = "aws ec2 describe-images --image-ids $IMG --query 'Images[0].State' --output text";
			const waiter = 'aws ec2 wait image-available --image-ids $IMG';
			// the waiter saw it pending, then available
			expect(available([waiter])).toBe(true);
			// once the image is available, a waiter shows no more than a describe does
			expect(available(['sleep 3600', state])).toBe(false);
			expect(available(['sleep 3600', waiter])).toBe(false);
			expect(available([state, 'sleep 3600', waiter])).toBe(true);
			// pending confirmed by a state filter that returned the image
			expect(available(["aws ec2 describe-images --owners self --filters Name=name,Values=lab-master-v1 Name=state,Values=pending --query 'length(Images)'", 'sleep 3600', state])).toBe(true);
		});
	});

	describe('"the image works" goals look at what the image itself holds', () => {
		const launchTest = (sg: string) => [
			'aws ec2 wait image-available --image-ids $IMG',
			`T=$(aws ec2 run-instances --image-id $IMG --instance-type t3.micro --key-name lab-key --security-group-ids ${sg} --query 'Instances[0].InstanceId' --output text)`,
			'aws ec2 wait instance-running --instance-ids $T',
			"TIP=$(aws ec2 describe-instances --instance-ids $T --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)",
		];

		it('a computer from the image, fixed by hand after launch, does not prove the image (chapter 2)', () => {
			const started = [
				"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl start httpd'",
				'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
				...launchTest('$SG'),
			];
			expect(after('baking-the-image', [...started, "ssh -i lab-key.pem ec2-user@$TIP 'sudo systemctl enable --now httpd'", 'curl -s http://$TIP/']).tested).toBe(false);
			const enabled = [
				"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl enable --now httpd'",
				'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
				...launchTest('$SG'),
			];
			expect(after('baking-the-image', [...enabled, 'curl -s http://$TIP/']).tested).toBe(true);
			// a page changed by hand on the test computer is not the image's either
			expect(after('baking-the-image', [...enabled, `ssh -i lab-key.pem ec2-user@$TIP "echo '<h1>fixed</h1>' | sudo tee /var/www/html/index.html"`, 'curl -s http://$TIP/']).tested).toBe(false);
		});

		it('a page fetched inside the test computer while its security group keeps port 80 closed does not show the school can reach it (chapter 2)', () => {
			const lines = [
				"ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl enable --now httpd'",
				'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)',
				"SSHONLY=$(aws ec2 create-security-group --group-name ssh-only --description 'SSH only' --query GroupId --output text)",
				'aws ec2 authorize-security-group-ingress --group-id $SSHONLY --protocol tcp --port 22 --cidr 0.0.0.0/0',
				...launchTest('$SSHONLY'),
				"ssh -i lab-key.pem ec2-user@$TIP 'curl -s localhost'",
			];
			expect(after('baking-the-image', lines).tested).toBe(false);
			expect(after('baking-the-image', [...lines, 'aws ec2 authorize-security-group-ingress --group-id $SSHONLY --protocol tcp --port 80 --cidr 0.0.0.0/0', "ssh -i lab-key.pem ec2-user@$TIP 'curl -s localhost'"]).tested).toBe(true);
		});

		it("launching the teacher's computer is not launching the class (chapter 3)", () => {
			const two = 'aws ec2 run-instances --image-id $IMG --count 2 --instance-type t3.micro --key-name lab-key --security-group-ids $SG';
			const teacher = "aws ec2 run-instances --image-id $IMG --instance-type t3.small --block-device-mappings 'DeviceName=/dev/xvda,Ebs={VolumeSize=20}' --key-name lab-key --security-group-ids $SG";
			expect(after('a-class-of-computers', [two, teacher])).toMatchObject({'class-launched': false, 'teacher-pc': true});
			expect(after('a-class-of-computers', [two, teacher, two])['class-launched']).toBe(true);
		});

		it("both versions side by side need the learner's own fetch of each, from the image as baked (chapter 4)", () => {
			const v2 = [
				`ssh -i lab-key.pem ec2-user@$IP "echo '<h1>Room 12: Spring term</h1>' | sudo tee /var/www/html/index.html"`,
				"V2=$(aws ec2 create-image --instance-id $ID --name lab-master-v2 --tag-specifications 'ResourceType=image,Tags=[{Key=Version,Value=2}]' --query ImageId --output text)",
				'aws ec2 wait image-available --image-ids $V2',
				"A=$(aws ec2 run-instances --image-id $V1 --instance-type t3.micro --key-name lab-key --security-group-ids $SG --query 'Instances[0].InstanceId' --output text)",
				"B=$(aws ec2 run-instances --image-id $V2 --instance-type t3.micro --key-name lab-key --security-group-ids $SG --query 'Instances[0].InstanceId' --output text)",
				'aws ec2 wait instance-running --instance-ids $A $B',
			];
			const ips = "aws ec2 describe-instances --instance-ids $A $B --query 'Reservations[].Instances[].PublicIpAddress' --output text";
			expect(after('new-term-new-image', v2)['side-by-side']).toBe(false);
			expect(after('new-term-new-image', [...v2, `for ip in $(${ips}); do curl -s http://$ip/; done`])['side-by-side']).toBe(true);
		});
	});

	it('a launch through the public resolve:ssm: parameter found the current image, as describe-images does (chapter 1)', () => {
		const launch = 'aws ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --count 2 --instance-type t3.micro';
		expect(after('master-image', [launch])).toMatchObject({searched: true, 'launched-two': true});
		expect(after('master-image', ['aws ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/no-such-parameter --count 2 --instance-type t3.micro']).searched).toBe(false);
	});

	describe('bake goals need an image that would serve the page when launched', () => {
		it('chapter 2: an image baked before httpd was enabled is not the bake, whatever is done to lab-pc later', () => {
			const early = ["ssh -i lab-key.pem ec2-user@$IP 'sudo dnf install -y httpd && sudo systemctl start httpd'", 'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)'];
			expect(after('baking-the-image', early).baked).toBe(false);
			expect(after('baking-the-image', [...early, "ssh -i lab-key.pem ec2-user@$IP 'sudo systemctl enable --now httpd'"])).toMatchObject({baked: false, 'web-server': true});
			const again = ['aws ec2 deregister-image --image-id $IMG', 'IMG=$(aws ec2 create-image --instance-id $ID --name lab-master-v1 --query ImageId --output text)'];
			expect(after('baking-the-image', [...early, "ssh -i lab-key.pem ec2-user@$IP 'sudo systemctl enable --now httpd'", ...again]).baked).toBe(true);
		});

		it('chapter 4: lab-master-v2 baked before the page changed is not the spring image', () => {
			const bake = "aws ec2 create-image --instance-id $ID --name lab-master-v2 --tag-specifications 'ResourceType=image,Tags=[{Key=Version,Value=2}]'";
			const page = `ssh -i lab-key.pem ec2-user@$IP "echo '<h1>Room 12: Spring term</h1>' | sudo tee /var/www/html/index.html"`;
			expect(after('new-term-new-image', [bake, page])['v2-baked']).toBe(false);
			expect(after('new-term-new-image', [page, bake])['v2-baked']).toBe(true);
		});

		it('chapter 8: the registered AMI needs ENA support, which the story says t3 requires', () => {
			const snap = "SNAP=$(aws ec2 describe-snapshots --owner-ids self --filters Name=tag:Name,Values=lab-server-backup --query 'Snapshots[0].SnapshotId' --output text)";
			const register = (ena: string) => `aws ec2 register-image --name restored --root-device-name /dev/xvda --block-device-mappings "DeviceName=/dev/xvda,Ebs={SnapshotId=$SNAP}" --architecture x86_64 --virtualization-type hvm${ena}`;
			expect(after('what-an-image-is', [snap, register('')]).registered).toBe(false);
			expect(after('what-an-image-is', [snap, register(' --ena-support')]).registered).toBe(true);
		});
	});
});
