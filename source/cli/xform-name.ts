// botocore's xform_name (botocore/__init__.py), faithfully: the one rule that turns model names
// into CLI names (CreateImage -> create-image, DescribeImageAttribute -> describe-image-attribute,
// AssignIpv6Addresses -> assign-ipv6-addresses). Used by scripts/build-catalogue.mjs and at run time.

const firstCap = /(.)([A-Z][a-z]+)/g;
const endCap = /([a-z0-9])([A-Z])/g;
/** Pluralised acronyms at the end: GatewayARNs, ListWebACLs, SomeCNAMEs. */
const specialCase = /[A-Z]{2,}s$/;

/** botocore pre-populates its cache with names its regular rule gets wrong; same table here. */
const knownNames: Record<string, string> = {
	CreateCachediSCSIVolume: 'create_cached_iscsi_volume',
	DescribeCachediSCSIVolumes: 'describe_cached_iscsi_volumes',
	DescribeStorediSCSIVolumes: 'describe_stored_iscsi_volumes',
	CreateStorediSCSIVolume: 'create_stored_iscsi_volume',
	ListHITsForQualificationType: 'list_hits_for_qualification_type',
	ExecutePartiQLStatement: 'execute_partiql_statement',
	ExecutePartiQLTransaction: 'execute_partiql_transaction',
	ExecutePartiQLBatch: 'execute_partiql_batch',
	AssociateWhatsAppBusinessAccount: 'associate_whatsapp_business_account',
	CreateWhatsAppMessageTemplate: 'create_whatsapp_message_template',
	CreateWhatsAppMessageTemplateFromLibrary: 'create_whatsapp_message_template_from_library',
	CreateWhatsAppMessageTemplateMedia: 'create_whatsapp_message_template_media',
	DeleteWhatsAppMessageMedia: 'delete_whatsapp_message_media',
	DeleteWhatsAppMessageTemplate: 'delete_whatsapp_message_template',
	DisassociateWhatsAppBusinessAccount: 'disassociate_whatsapp_business_account',
	GetLinkedWhatsAppBusinessAccount: 'get_linked_whatsapp_business_account',
	GetLinkedWhatsAppBusinessAccountPhoneNumber: 'get_linked_whatsapp_business_account_phone_number',
	GetOTelEnrichment: 'get_otel_enrichment',
	GetWhatsAppMessageMedia: 'get_whatsapp_message_media',
	GetWhatsAppMessageTemplate: 'get_whatsapp_message_template',
	ListLinkedWhatsAppBusinessAccounts: 'list_linked_whatsapp_business_accounts',
	ListWhatsAppMessageTemplates: 'list_whatsapp_message_templates',
	ListWhatsAppTemplateLibrary: 'list_whatsapp_template_library',
	PostWhatsAppMessageMedia: 'post_whatsapp_message_media',
	PutWhatsAppBusinessAccountEventDestinations: 'put_whatsapp_business_account_event_destinations',
	SendWhatsAppMessage: 'send_whatsapp_message',
	StartOTelEnrichment: 'start_otel_enrichment',
	StopOTelEnrichment: 'stop_otel_enrichment',
	UpdateWhatsAppMessageTemplate: 'update_whatsapp_message_template',
};

const cache = new Map<string, string>();

/** CamelCase model name -> separated lower-case name; `sep` is '_' (Python) or '-' (CLI). */
export const xformName = (name: string, sep = '_'): string => {
	if (name.includes(sep)) {
		return name;
	}

	const key = `${sep}\u0000${name}`;
	const cached = cache.get(key);
	if (cached !== undefined) {
		return cached;
	}

	let result: string;
	const known = knownNames[name];
	if (known !== undefined) {
		result = known.replaceAll('_', sep);
	} else {
		let source = name;
		const special = specialCase.exec(source);
		if (special) {
			source = `${source.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
		}

		const s1 = source.replace(firstCap, `$1${sep}$2`);
		result = s1.replace(endCap, `$1${sep}$2`).toLowerCase();
	}

	cache.set(key, result);
	return result;
};

/** The CLI spelling of a model name: CreateImage -> create-image, InstanceId -> instance-id. */
export const cliName = (name: string): string => xformName(name, '-');
