export const id = 407;
export const ids = [407];
export const modules = {

/***/ 7788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   route53Provider: () => (/* binding */ route53Provider)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7253);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1721);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3601);





const CREDENTIAL_ERRORS = new Set([
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
    'UnrecognizedClientException',
    'AccessDenied',
    'AccessDeniedException',
    'CredentialsProviderError',
    'ExpiredToken',
]);
/** Route 53 escapes `*` and other octets as `\052`; names compare after unescaping. */
const unescape = (name) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name.replace(/\\(\d{3})/g, (_, oct) => String.fromCharCode(parseInt(oct, 8))));
/**
 * Route 53 through the AWS SDK (credentials from the usual chain). The change is one
 * ChangeResourceRecordSets batch, all or nothing; the provider then waits for GetChange to say INSYNC,
 * Route 53's own "every authoritative server has it". The SDK loads only when this provider is used.
 */
function route53Provider(config) {
    return new Route53Provider(config);
}
class Route53Provider {
    config;
    name = 'route53';
    sdk;
    client;
    zoneCache;
    constructor(config) {
        this.config = config;
    }
    async zone() {
        if (this.zoneCache)
            return this.zoneCache;
        const name = (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(this.config.zone);
        const listed = await this.send((s, c) => c.send(new s.ListHostedZonesByNameCommand({ DNSName: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(name), MaxItems: 10 })));
        const id = publicZoneId(listed.HostedZones ?? [], name);
        const detail = await this.send((s, c) => c.send(new s.GetHostedZoneCommand({ Id: id })));
        this.zoneCache = { name, id, nameservers: (detail.DelegationSet?.NameServers ?? []).map(_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq) };
        return this.zoneCache;
    }
    async read(name) {
        const { id } = await this.zone();
        const listed = await this.send((s, c) => c.send(new s.ListResourceRecordSetsCommand({
            HostedZoneId: id,
            StartRecordName: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(name),
            MaxItems: 20,
        })));
        return (listed.ResourceRecordSets ?? [])
            .filter((rrset) => unescape(rrset.Name ?? '') === (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name) && (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .isCutoverType */ .ZK)(rrset.Type ?? ''))
            .map((rrset) => toRecordSet(name, rrset));
    }
    async apply(plan) {
        const { id } = await this.zone();
        const response = await this.send((s, c) => c.send(new s.ChangeResourceRecordSetsCommand({
            HostedZoneId: id,
            ChangeBatch: { Comment: 'runway dns-cutover', Changes: changeBatch(plan) },
        })));
        return this.waitInSync(Date.now(), response.ChangeInfo?.Id ?? '', response.ChangeInfo?.Status);
    }
    /**
     * Polls GetChange, backing off from 0.5 s to 5 s, until Route 53 says INSYNC or `syncTimeoutMs` passes.
     * The change was accepted either way, so a timeout or a failed status check comes back as `syncError`
     * (the caller treats it as changed and rolls back), never as "not applied".
     */
    async waitInSync(acceptedAt, changeId, first) {
        const deadline = acceptedAt + (this.config.syncTimeoutMs ?? 300_000);
        let status = first;
        let requests = 1;
        let delay = 500;
        while (status !== 'INSYNC') {
            if (Date.now() > deadline) {
                const waited = Math.round((Date.now() - acceptedAt) / 1000);
                const syncError = `Route 53 change ${changeId} was still ${status} after ${waited}s`;
                return { acceptedAt, changeId, requests, syncError };
            }
            await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(delay);
            delay = Math.min(delay * 2, 5000);
            let got;
            try {
                got = await this.send((s, c) => c.send(new s.GetChangeCommand({ Id: changeId })));
            }
            catch (error) {
                const why = error.message.replace(/\.$/, '');
                const syncError = `Route 53 accepted change ${changeId} but asking whether it is INSYNC failed (${why}; the role needs route53:GetChange)`;
                return { acceptedAt, changeId, requests, syncError };
            }
            requests++;
            status = got.ChangeInfo?.Status;
            this.config.log?.(`Route 53 change ${changeId}: ${status}`);
        }
        return { acceptedAt, inSyncAt: Date.now(), changeId, requests };
    }
    /** One SDK call, not started past the run's deadline, observed like an HTTP call, its failure in the user's terms. */
    async send(fn) {
        const { sdk, client } = await this.connect();
        const { deadline, onCall } = this.config;
        if (deadline?.expired())
            throw new Error(`Route 53 was not asked: ${deadline.label} had passed`);
        const started = Date.now();
        try {
            const result = await fn(sdk, client);
            onCall?.({ method: 'POST', path: 'route53', status: 200, ms: Date.now() - started, attempt: 0 });
            return result;
        }
        catch (error) {
            throw route53Failure(error, this.config);
        }
    }
    async connect() {
        if (!this.sdk || !this.client) {
            this.sdk = await __webpack_require__.e(/* import() */ 621).then(__webpack_require__.t.bind(__webpack_require__, 8621, 19));
            this.client = new this.sdk.Route53Client({
                region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
                ...(this.config.apiUrl ? { endpoint: this.config.apiUrl } : {}),
                maxAttempts: 3,
                // Bounded waits: a Route 53 endpoint that never answers costs at most 3 × 20 s, not forever.
                requestHandler: { connectionTimeout: 10_000, requestTimeout: 20_000 },
            });
        }
        return { sdk: this.sdk, client: this.client };
    }
}
/** The id of the hosted zone called `name`, the public one where a private zone has the same name. */
function publicZoneId(zones, name) {
    const named = zones.filter((z) => unescape(z.Name ?? '') === name);
    const zone = named.find((z) => !z.Config?.PrivateZone) ?? named[0];
    if (!zone?.Id) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`hosted zone ${name} was not found in Route 53 for these credentials.`, {
            input: 'zone',
            fix: 'check the zone name and the AWS account.',
        });
    }
    return zone.Id.replace(/^\/hostedzone\//, '');
}
/** A simple rrset as the cutover sees it; the rrset itself is kept, because a DELETE must repeat it exactly. */
function toRecordSet(name, rrset) {
    if (rrset.SetIdentifier) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name)} has a ${rrset.Type} record with routing policy (set "${rrset.SetIdentifier}"); this action moves simple records only.`, {
            input: 'name',
            fix: 'shift weighted records by hand, or replace them with one simple record first.',
        });
    }
    const type = rrset.Type;
    const values = rrset.AliasTarget
        ? [(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(rrset.AliasTarget.DNSName ?? '')]
        : (rrset.ResourceRecords ?? []).map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeValue */ .tA)(type, r.Value ?? ''));
    return {
        name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name),
        type,
        ttl: rrset.TTL ?? 60,
        values,
        providerData: { rrset, alias: Boolean(rrset.AliasTarget) },
    };
}
/** The plan as one ChangeBatch: deletes first, then an UPSERT where a set is replaced and a CREATE where it is new. */
function changeBatch(plan) {
    // DELETE must repeat the record exactly as Route 53 holds it, so the read-back copy is used.
    const original = (set) => set.providerData?.rrset;
    const simple = (set) => ({
        Name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(set.name),
        Type: set.type,
        TTL: set.ttl,
        ResourceRecords: set.values.map((v) => ({ Value: (0,_common_js__WEBPACK_IMPORTED_MODULE_4__/* .wireValue */ .nv)(set, v) })),
    });
    return [
        ...plan.deletes.map((set) => ({
            Action: 'DELETE',
            ResourceRecordSet: original(set) ?? simple(set),
        })),
        ...plan.upserts.map(({ from, to }) => ({
            Action: from ? 'UPSERT' : 'CREATE',
            ResourceRecordSet: original(to) ?? simple(to),
        })),
    ];
}
/** An SDK failure in the user's terms: credentials and a missing zone are theirs to fix; anything else names the server. */
function route53Failure(error, config) {
    const name = error.name ?? '';
    const message = error.message;
    if (CREDENTIAL_ERRORS.has(name)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Route 53 rejected the AWS credentials (${name}: ${message}).`, {
            fix: 'configure credentials for a role allowed route53:ChangeResourceRecordSets, e.g. with aws-actions/configure-aws-credentials.',
        });
    }
    if (name === 'NoSuchHostedZone') {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`hosted zone for ${(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(config.zone)} was not found in Route 53.`, {
            input: 'zone',
            fix: 'check the zone name.',
        });
    }
    // Named, so a message says which server failed (an HTML page or a timeout reads as a parse error otherwise).
    const where = `Route 53${config.apiUrl ? ` at ${(0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(config.apiUrl)}` : ''}`;
    return Object.assign(new Error(`${where} failed: ${message}`, { cause: error }), { name });
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (route53Provider);


/***/ })

};
