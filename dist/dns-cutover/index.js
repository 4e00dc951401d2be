import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1630:
/***/ ((__unused_webpack_module, exports) => {



exports.toString = function (klass) {
  switch (klass) {
    case 1: return 'IN'
    case 2: return 'CS'
    case 3: return 'CH'
    case 4: return 'HS'
    case 255: return 'ANY'
  }
  return 'UNKNOWN_' + klass
}

exports.toClass = function (name) {
  switch (name.toUpperCase()) {
    case 'IN': return 1
    case 'CS': return 2
    case 'CH': return 3
    case 'HS': return 4
    case 'ANY': return 255
  }
  return 0
}


/***/ }),

/***/ 4894:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



const Buffer = (__nccwpck_require__(181).Buffer)
const types = __nccwpck_require__(1891)
const rcodes = __nccwpck_require__(2028)
const opcodes = __nccwpck_require__(4693)
const classes = __nccwpck_require__(1630)
const optioncodes = __nccwpck_require__(2075)
const ip = __nccwpck_require__(4550)

const QUERY_FLAG = 0
const RESPONSE_FLAG = 1 << 15
const FLUSH_MASK = 1 << 15
const NOT_FLUSH_MASK = ~FLUSH_MASK
const QU_MASK = 1 << 15
const NOT_QU_MASK = ~QU_MASK

const name = exports.name = {}

name.encode = function (str, buf, offset, { mail = false } = {}) {
  if (!buf) buf = Buffer.alloc(name.encodingLength(str))
  if (!offset) offset = 0
  const oldOffset = offset

  // strip leading and trailing .
  const n = str.replace(/^\.|\.$/gm, '')
  if (n.length) {
    let list = []
    if (mail) {
      let localPart = ''
      n.split('.').forEach(label => {
        if (label.endsWith('\\')) {
          localPart += (localPart.length ? '.' : '') + label.slice(0, -1)
        } else {
          if (list.length === 0 && localPart.length) {
            list.push(localPart + '.' + label)
          } else {
            list.push(label)
          }
        }
      })
    } else {
      list = n.split('.')
    }

    for (let i = 0; i < list.length; i++) {
      const len = buf.write(list[i], offset + 1)
      buf[offset] = len
      offset += len + 1
    }
  }

  buf[offset++] = 0

  name.encode.bytes = offset - oldOffset
  return buf
}

name.encode.bytes = 0

name.decode = function (buf, offset, { mail = false } = {}) {
  if (!offset) offset = 0

  const list = []
  let oldOffset = offset
  let totalLength = 0
  let consumedBytes = 0
  let jumped = false

  while (true) {
    if (offset >= buf.length) {
      throw new Error('Cannot decode name (buffer overflow)')
    }
    const len = buf[offset++]
    consumedBytes += jumped ? 0 : 1

    if (len === 0) {
      break
    } else if ((len & 0xc0) === 0) {
      if (offset + len > buf.length) {
        throw new Error('Cannot decode name (buffer overflow)')
      }
      totalLength += len + 1
      if (totalLength > 254) {
        throw new Error('Cannot decode name (name too long)')
      }
      let label = buf.toString('utf-8', offset, offset + len)
      if (mail) {
        label = label.replace(/\./g, '\\.')
      }
      list.push(label)
      offset += len
      consumedBytes += jumped ? 0 : len
    } else if ((len & 0xc0) === 0xc0) {
      if (offset + 1 > buf.length) {
        throw new Error('Cannot decode name (buffer overflow)')
      }
      const jumpOffset = buf.readUInt16BE(offset - 1) - 0xc000
      if (jumpOffset >= oldOffset) {
        // Allow only pointers to prior data. RFC 1035, section 4.1.4 states:
        // "[...] an entire domain name or a list of labels at the end of a domain name
        // is replaced with a pointer to a prior occurance (sic) of the same name."
        throw new Error('Cannot decode name (bad pointer)')
      }
      offset = jumpOffset
      oldOffset = jumpOffset
      consumedBytes += jumped ? 0 : 1
      jumped = true
    } else {
      throw new Error('Cannot decode name (bad label)')
    }
  }

  name.decode.bytes = consumedBytes
  return list.length === 0 ? '.' : list.join('.')
}

name.decode.bytes = 0

name.encodingLength = function (n) {
  if (n === '.' || n === '..') return 1
  return Buffer.byteLength(n.replace(/^\.|\.$/gm, '')) + 2
}

const string = {}

string.encode = function (s, buf, offset) {
  if (!buf) buf = Buffer.alloc(string.encodingLength(s))
  if (!offset) offset = 0

  const len = buf.write(s, offset + 1)
  buf[offset] = len
  string.encode.bytes = len + 1
  return buf
}

string.encode.bytes = 0

string.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf[offset]
  const s = buf.toString('utf-8', offset + 1, offset + 1 + len)
  string.decode.bytes = len + 1
  return s
}

string.decode.bytes = 0

string.encodingLength = function (s) {
  return Buffer.byteLength(s) + 1
}

const header = {}

header.encode = function (h, buf, offset) {
  if (!buf) buf = header.encodingLength(h)
  if (!offset) offset = 0

  const flags = (h.flags || 0) & 32767
  const type = h.type === 'response' ? RESPONSE_FLAG : QUERY_FLAG

  buf.writeUInt16BE(h.id || 0, offset)
  buf.writeUInt16BE(flags | type, offset + 2)
  buf.writeUInt16BE(h.questions.length, offset + 4)
  buf.writeUInt16BE(h.answers.length, offset + 6)
  buf.writeUInt16BE(h.authorities.length, offset + 8)
  buf.writeUInt16BE(h.additionals.length, offset + 10)

  return buf
}

header.encode.bytes = 12

header.decode = function (buf, offset) {
  if (!offset) offset = 0
  if (buf.length < 12) throw new Error('Header must be 12 bytes')
  const flags = buf.readUInt16BE(offset + 2)

  return {
    id: buf.readUInt16BE(offset),
    type: flags & RESPONSE_FLAG ? 'response' : 'query',
    flags: flags & 32767,
    flag_qr: ((flags >> 15) & 0x1) === 1,
    opcode: opcodes.toString((flags >> 11) & 0xf),
    flag_aa: ((flags >> 10) & 0x1) === 1,
    flag_tc: ((flags >> 9) & 0x1) === 1,
    flag_rd: ((flags >> 8) & 0x1) === 1,
    flag_ra: ((flags >> 7) & 0x1) === 1,
    flag_z: ((flags >> 6) & 0x1) === 1,
    flag_ad: ((flags >> 5) & 0x1) === 1,
    flag_cd: ((flags >> 4) & 0x1) === 1,
    rcode: rcodes.toString(flags & 0xf),
    questions: new Array(buf.readUInt16BE(offset + 4)),
    answers: new Array(buf.readUInt16BE(offset + 6)),
    authorities: new Array(buf.readUInt16BE(offset + 8)),
    additionals: new Array(buf.readUInt16BE(offset + 10))
  }
}

header.decode.bytes = 12

header.encodingLength = function () {
  return 12
}

const runknown = exports.unknown = {}

runknown.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(runknown.encodingLength(data))
  if (!offset) offset = 0

  buf.writeUInt16BE(data.length, offset)
  data.copy(buf, offset + 2)

  runknown.encode.bytes = data.length + 2
  return buf
}

runknown.encode.bytes = 0

runknown.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)
  const data = buf.slice(offset + 2, offset + 2 + len)
  runknown.decode.bytes = len + 2
  return data
}

runknown.decode.bytes = 0

runknown.encodingLength = function (data) {
  return data.length + 2
}

const rns = exports.ns = {}

rns.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rns.encodingLength(data))
  if (!offset) offset = 0

  name.encode(data, buf, offset + 2)
  buf.writeUInt16BE(name.encode.bytes, offset)
  rns.encode.bytes = name.encode.bytes + 2
  return buf
}

rns.encode.bytes = 0

rns.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)
  const dd = name.decode(buf, offset + 2)

  rns.decode.bytes = len + 2
  return dd
}

rns.decode.bytes = 0

rns.encodingLength = function (data) {
  return name.encodingLength(data) + 2
}

const rsoa = exports.soa = {}

rsoa.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rsoa.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2
  name.encode(data.mname, buf, offset)
  offset += name.encode.bytes
  name.encode(data.rname, buf, offset, { mail: true })
  offset += name.encode.bytes
  buf.writeUInt32BE(data.serial || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.refresh || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.retry || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.expire || 0, offset)
  offset += 4
  buf.writeUInt32BE(data.minimum || 0, offset)
  offset += 4

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rsoa.encode.bytes = offset - oldOffset
  return buf
}

rsoa.encode.bytes = 0

rsoa.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset

  const data = {}
  offset += 2
  data.mname = name.decode(buf, offset)
  offset += name.decode.bytes
  data.rname = name.decode(buf, offset, { mail: true })
  offset += name.decode.bytes
  data.serial = buf.readUInt32BE(offset)
  offset += 4
  data.refresh = buf.readUInt32BE(offset)
  offset += 4
  data.retry = buf.readUInt32BE(offset)
  offset += 4
  data.expire = buf.readUInt32BE(offset)
  offset += 4
  data.minimum = buf.readUInt32BE(offset)
  offset += 4

  rsoa.decode.bytes = offset - oldOffset
  return data
}

rsoa.decode.bytes = 0

rsoa.encodingLength = function (data) {
  return 22 + name.encodingLength(data.mname) + name.encodingLength(data.rname)
}

const rtxt = exports.txt = {}

rtxt.encode = function (data, buf, offset) {
  if (!Array.isArray(data)) data = [data]
  for (let i = 0; i < data.length; i++) {
    if (typeof data[i] === 'string') {
      data[i] = Buffer.from(data[i])
    }
    if (!Buffer.isBuffer(data[i])) {
      throw new Error('Must be a Buffer')
    }
  }

  if (!buf) buf = Buffer.alloc(rtxt.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2

  data.forEach(function (d) {
    buf[offset++] = d.length
    d.copy(buf, offset, 0, d.length)
    offset += d.length
  })

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rtxt.encode.bytes = offset - oldOffset
  return buf
}

rtxt.encode.bytes = 0

rtxt.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset
  let remaining = buf.readUInt16BE(offset)
  offset += 2

  let data = []
  while (remaining > 0) {
    const len = buf[offset++]
    --remaining
    if (remaining < len) {
      throw new Error('Buffer overflow')
    }
    data.push(buf.slice(offset, offset + len))
    offset += len
    remaining -= len
  }

  rtxt.decode.bytes = offset - oldOffset
  return data
}

rtxt.decode.bytes = 0

rtxt.encodingLength = function (data) {
  if (!Array.isArray(data)) data = [data]
  let length = 2
  data.forEach(function (buf) {
    if (typeof buf === 'string') {
      length += Buffer.byteLength(buf) + 1
    } else {
      length += buf.length + 1
    }
  })
  return length
}

const rnull = exports["null"] = {}

rnull.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnull.encodingLength(data))
  if (!offset) offset = 0

  if (typeof data === 'string') data = Buffer.from(data)
  if (!data) data = Buffer.alloc(0)

  const oldOffset = offset
  offset += 2

  const len = data.length
  data.copy(buf, offset, 0, len)
  offset += len

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rnull.encode.bytes = offset - oldOffset
  return buf
}

rnull.encode.bytes = 0

rnull.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset
  const len = buf.readUInt16BE(offset)

  offset += 2

  const data = buf.slice(offset, offset + len)
  offset += len

  rnull.decode.bytes = offset - oldOffset
  return data
}

rnull.decode.bytes = 0

rnull.encodingLength = function (data) {
  if (!data) return 2
  return (Buffer.isBuffer(data) ? data.length : Buffer.byteLength(data)) + 2
}

const rhinfo = exports.hinfo = {}

rhinfo.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rhinfo.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2
  string.encode(data.cpu, buf, offset)
  offset += string.encode.bytes
  string.encode(data.os, buf, offset)
  offset += string.encode.bytes
  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rhinfo.encode.bytes = offset - oldOffset
  return buf
}

rhinfo.encode.bytes = 0

rhinfo.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset

  const data = {}
  offset += 2
  data.cpu = string.decode(buf, offset)
  offset += string.decode.bytes
  data.os = string.decode(buf, offset)
  offset += string.decode.bytes
  rhinfo.decode.bytes = offset - oldOffset
  return data
}

rhinfo.decode.bytes = 0

rhinfo.encodingLength = function (data) {
  return string.encodingLength(data.cpu) + string.encodingLength(data.os) + 2
}

const rptr = exports.ptr = {}
const rcname = exports.cname = rptr
const rdname = exports.dname = rptr

rptr.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rptr.encodingLength(data))
  if (!offset) offset = 0

  name.encode(data, buf, offset + 2)
  buf.writeUInt16BE(name.encode.bytes, offset)
  rptr.encode.bytes = name.encode.bytes + 2
  return buf
}

rptr.encode.bytes = 0

rptr.decode = function (buf, offset) {
  if (!offset) offset = 0

  const data = name.decode(buf, offset + 2)
  rptr.decode.bytes = name.decode.bytes + 2
  return data
}

rptr.decode.bytes = 0

rptr.encodingLength = function (data) {
  return name.encodingLength(data) + 2
}

const rsrv = exports.srv = {}

rsrv.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rsrv.encodingLength(data))
  if (!offset) offset = 0

  buf.writeUInt16BE(data.priority || 0, offset + 2)
  buf.writeUInt16BE(data.weight || 0, offset + 4)
  buf.writeUInt16BE(data.port || 0, offset + 6)
  name.encode(data.target, buf, offset + 8)

  const len = name.encode.bytes + 6
  buf.writeUInt16BE(len, offset)

  rsrv.encode.bytes = len + 2
  return buf
}

rsrv.encode.bytes = 0

rsrv.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)

  const data = {}
  data.priority = buf.readUInt16BE(offset + 2)
  data.weight = buf.readUInt16BE(offset + 4)
  data.port = buf.readUInt16BE(offset + 6)
  data.target = name.decode(buf, offset + 8)

  rsrv.decode.bytes = len + 2
  return data
}

rsrv.decode.bytes = 0

rsrv.encodingLength = function (data) {
  return 8 + name.encodingLength(data.target)
}

const rcaa = exports.caa = {}

rcaa.ISSUER_CRITICAL = 1 << 7

rcaa.encode = function (data, buf, offset) {
  const len = rcaa.encodingLength(data)

  if (!buf) buf = Buffer.alloc(rcaa.encodingLength(data))
  if (!offset) offset = 0

  if (data.issuerCritical) {
    data.flags = rcaa.ISSUER_CRITICAL
  }

  buf.writeUInt16BE(len - 2, offset)
  offset += 2
  buf.writeUInt8(data.flags || 0, offset)
  offset += 1
  string.encode(data.tag, buf, offset)
  offset += string.encode.bytes
  buf.write(data.value, offset)
  offset += Buffer.byteLength(data.value)

  rcaa.encode.bytes = len
  return buf
}

rcaa.encode.bytes = 0

rcaa.decode = function (buf, offset) {
  if (!offset) offset = 0

  const len = buf.readUInt16BE(offset)
  offset += 2

  const oldOffset = offset
  const data = {}
  data.flags = buf.readUInt8(offset)
  offset += 1
  data.tag = string.decode(buf, offset)
  offset += string.decode.bytes
  data.value = buf.toString('utf-8', offset, oldOffset + len)

  data.issuerCritical = !!(data.flags & rcaa.ISSUER_CRITICAL)

  rcaa.decode.bytes = len + 2

  return data
}

rcaa.decode.bytes = 0

rcaa.encodingLength = function (data) {
  return string.encodingLength(data.tag) + string.encodingLength(data.value) + 2
}

const rmx = exports.mx = {}

rmx.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rmx.encodingLength(data))
  if (!offset) offset = 0

  const oldOffset = offset
  offset += 2
  buf.writeUInt16BE(data.preference || 0, offset)
  offset += 2
  name.encode(data.exchange, buf, offset)
  offset += name.encode.bytes

  buf.writeUInt16BE(offset - oldOffset - 2, oldOffset)
  rmx.encode.bytes = offset - oldOffset
  return buf
}

rmx.encode.bytes = 0

rmx.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset

  const data = {}
  offset += 2
  data.preference = buf.readUInt16BE(offset)
  offset += 2
  data.exchange = name.decode(buf, offset)
  offset += name.decode.bytes

  rmx.decode.bytes = offset - oldOffset
  return data
}

rmx.encodingLength = function (data) {
  return 4 + name.encodingLength(data.exchange)
}

const ra = exports.a = {}

ra.encode = function (host, buf, offset) {
  if (!buf) buf = Buffer.alloc(ra.encodingLength(host))
  if (!offset) offset = 0

  buf.writeUInt16BE(4, offset)
  offset += 2
  ip.v4.encode(host, buf, offset)
  ra.encode.bytes = 6
  return buf
}

ra.encode.bytes = 0

ra.decode = function (buf, offset) {
  if (!offset) offset = 0

  offset += 2
  const host = ip.v4.decode(buf, offset)
  ra.decode.bytes = 6
  return host
}

ra.decode.bytes = 0

ra.encodingLength = function () {
  return 6
}

const raaaa = exports.aaaa = {}

raaaa.encode = function (host, buf, offset) {
  if (!buf) buf = Buffer.alloc(raaaa.encodingLength(host))
  if (!offset) offset = 0

  buf.writeUInt16BE(16, offset)
  offset += 2
  ip.v6.encode(host, buf, offset)
  raaaa.encode.bytes = 18
  return buf
}

raaaa.encode.bytes = 0

raaaa.decode = function (buf, offset) {
  if (!offset) offset = 0

  offset += 2
  const host = ip.v6.decode(buf, offset)
  raaaa.decode.bytes = 18
  return host
}

raaaa.decode.bytes = 0

raaaa.encodingLength = function () {
  return 18
}

const roption = exports.option = {}

roption.encode = function (option, buf, offset) {
  if (!buf) buf = Buffer.alloc(roption.encodingLength(option))
  if (!offset) offset = 0
  const oldOffset = offset

  const code = optioncodes.toCode(option.code)
  buf.writeUInt16BE(code, offset)
  offset += 2
  if (option.data) {
    buf.writeUInt16BE(option.data.length, offset)
    offset += 2
    option.data.copy(buf, offset)
    offset += option.data.length
  } else {
    switch (code) {
      // case 3: NSID.  No encode makes sense.
      // case 5,6,7: Not implementable
      case 8: // ECS
        // note: do IP math before calling
        const spl = option.sourcePrefixLength || 0
        const fam = option.family || ip.familyOf(option.ip)
        const ipBuf = ip.encode(option.ip, Buffer.alloc)
        const ipLen = Math.ceil(spl / 8)
        buf.writeUInt16BE(ipLen + 4, offset)
        offset += 2
        buf.writeUInt16BE(fam, offset)
        offset += 2
        buf.writeUInt8(spl, offset++)
        buf.writeUInt8(option.scopePrefixLength || 0, offset++)

        ipBuf.copy(buf, offset, 0, ipLen)
        offset += ipLen
        break
      // case 9: EXPIRE (experimental)
      // case 10: COOKIE.  No encode makes sense.
      case 11: // KEEP-ALIVE
        if (option.timeout) {
          buf.writeUInt16BE(2, offset)
          offset += 2
          buf.writeUInt16BE(option.timeout, offset)
          offset += 2
        } else {
          buf.writeUInt16BE(0, offset)
          offset += 2
        }
        break
      case 12: // PADDING
        const len = option.length || 0
        buf.writeUInt16BE(len, offset)
        offset += 2
        buf.fill(0, offset, offset + len)
        offset += len
        break
      // case 13:  CHAIN.  Experimental.
      case 14: // KEY-TAG
        const tagsLen = option.tags.length * 2
        buf.writeUInt16BE(tagsLen, offset)
        offset += 2
        for (const tag of option.tags) {
          buf.writeUInt16BE(tag, offset)
          offset += 2
        }
        break
      default:
        throw new Error(`Unknown roption code: ${option.code}`)
    }
  }

  roption.encode.bytes = offset - oldOffset
  return buf
}

roption.encode.bytes = 0

roption.decode = function (buf, offset) {
  if (!offset) offset = 0
  const option = {}
  option.code = buf.readUInt16BE(offset)
  option.type = optioncodes.toString(option.code)
  offset += 2
  const len = buf.readUInt16BE(offset)
  offset += 2
  option.data = buf.slice(offset, offset + len)
  switch (option.code) {
    // case 3: NSID.  No decode makes sense.
    case 8: // ECS
      option.family = buf.readUInt16BE(offset)
      offset += 2
      option.sourcePrefixLength = buf.readUInt8(offset++)
      option.scopePrefixLength = buf.readUInt8(offset++)
      const padded = Buffer.alloc((option.family === 1) ? 4 : 16)
      buf.copy(padded, 0, offset, offset + len - 4)
      option.ip = ip.decode(padded)
      break
    // case 12: Padding.  No decode makes sense.
    case 11: // KEEP-ALIVE
      if (len > 0) {
        option.timeout = buf.readUInt16BE(offset)
        offset += 2
      }
      break
    case 14:
      option.tags = []
      for (let i = 0; i < len; i += 2) {
        option.tags.push(buf.readUInt16BE(offset))
        offset += 2
      }
    // don't worry about default.  caller will use data if desired
  }

  roption.decode.bytes = len + 4
  return option
}

roption.decode.bytes = 0

roption.encodingLength = function (option) {
  if (option.data) {
    return option.data.length + 4
  }
  const code = optioncodes.toCode(option.code)
  switch (code) {
    case 8: // ECS
      const spl = option.sourcePrefixLength || 0
      return Math.ceil(spl / 8) + 8
    case 11: // KEEP-ALIVE
      return (typeof option.timeout === 'number') ? 6 : 4
    case 12: // PADDING
      return option.length + 4
    case 14: // KEY-TAG
      return 4 + (option.tags.length * 2)
  }
  throw new Error(`Unknown roption code: ${option.code}`)
}

const ropt = exports.opt = {}

ropt.encode = function (options, buf, offset) {
  if (!buf) buf = Buffer.alloc(ropt.encodingLength(options))
  if (!offset) offset = 0
  const oldOffset = offset

  const rdlen = encodingLengthList(options, roption)
  buf.writeUInt16BE(rdlen, offset)
  offset = encodeList(options, roption, buf, offset + 2)

  ropt.encode.bytes = offset - oldOffset
  return buf
}

ropt.encode.bytes = 0

ropt.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const options = []
  let rdlen = buf.readUInt16BE(offset)
  offset += 2
  let o = 0
  while (rdlen > 0) {
    options[o++] = roption.decode(buf, offset)
    offset += roption.decode.bytes
    rdlen -= roption.decode.bytes
  }
  ropt.decode.bytes = offset - oldOffset
  return options
}

ropt.decode.bytes = 0

ropt.encodingLength = function (options) {
  return 2 + encodingLengthList(options || [], roption)
}

const rdnskey = exports.dnskey = {}

rdnskey.PROTOCOL_DNSSEC = 3
rdnskey.ZONE_KEY = 0x80
rdnskey.SECURE_ENTRYPOINT = 0x8000

rdnskey.encode = function (key, buf, offset) {
  if (!buf) buf = Buffer.alloc(rdnskey.encodingLength(key))
  if (!offset) offset = 0
  const oldOffset = offset

  const keydata = key.key
  if (!Buffer.isBuffer(keydata)) {
    throw new Error('Key must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt16BE(key.flags, offset)
  offset += 2
  buf.writeUInt8(rdnskey.PROTOCOL_DNSSEC, offset)
  offset += 1
  buf.writeUInt8(key.algorithm, offset)
  offset += 1
  keydata.copy(buf, offset, 0, keydata.length)
  offset += keydata.length

  rdnskey.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rdnskey.encode.bytes - 2, oldOffset)
  return buf
}

rdnskey.encode.bytes = 0

rdnskey.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var key = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  key.flags = buf.readUInt16BE(offset)
  offset += 2
  if (buf.readUInt8(offset) !== rdnskey.PROTOCOL_DNSSEC) {
    throw new Error('Protocol must be 3')
  }
  offset += 1
  key.algorithm = buf.readUInt8(offset)
  offset += 1
  key.key = buf.slice(offset, oldOffset + length + 2)
  offset += key.key.length
  rdnskey.decode.bytes = offset - oldOffset
  return key
}

rdnskey.decode.bytes = 0

rdnskey.encodingLength = function (key) {
  return 6 + Buffer.byteLength(key.key)
}

const rrrsig = exports.rrsig = {}

rrrsig.encode = function (sig, buf, offset) {
  if (!buf) buf = Buffer.alloc(rrrsig.encodingLength(sig))
  if (!offset) offset = 0
  const oldOffset = offset

  const signature = sig.signature
  if (!Buffer.isBuffer(signature)) {
    throw new Error('Signature must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt16BE(types.toType(sig.typeCovered), offset)
  offset += 2
  buf.writeUInt8(sig.algorithm, offset)
  offset += 1
  buf.writeUInt8(sig.labels, offset)
  offset += 1
  buf.writeUInt32BE(sig.originalTTL, offset)
  offset += 4
  buf.writeUInt32BE(sig.expiration, offset)
  offset += 4
  buf.writeUInt32BE(sig.inception, offset)
  offset += 4
  buf.writeUInt16BE(sig.keyTag, offset)
  offset += 2
  name.encode(sig.signersName, buf, offset)
  offset += name.encode.bytes
  signature.copy(buf, offset, 0, signature.length)
  offset += signature.length

  rrrsig.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rrrsig.encode.bytes - 2, oldOffset)
  return buf
}

rrrsig.encode.bytes = 0

rrrsig.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var sig = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  sig.typeCovered = types.toString(buf.readUInt16BE(offset))
  offset += 2
  sig.algorithm = buf.readUInt8(offset)
  offset += 1
  sig.labels = buf.readUInt8(offset)
  offset += 1
  sig.originalTTL = buf.readUInt32BE(offset)
  offset += 4
  sig.expiration = buf.readUInt32BE(offset)
  offset += 4
  sig.inception = buf.readUInt32BE(offset)
  offset += 4
  sig.keyTag = buf.readUInt16BE(offset)
  offset += 2
  sig.signersName = name.decode(buf, offset)
  offset += name.decode.bytes
  sig.signature = buf.slice(offset, oldOffset + length + 2)
  offset += sig.signature.length
  rrrsig.decode.bytes = offset - oldOffset
  return sig
}

rrrsig.decode.bytes = 0

rrrsig.encodingLength = function (sig) {
  return 20 +
    name.encodingLength(sig.signersName) +
    Buffer.byteLength(sig.signature)
}

const rrp = exports.rp = {}

rrp.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rrp.encodingLength(data))
  if (!offset) offset = 0
  const oldOffset = offset

  offset += 2 // Leave space for length
  name.encode(data.mbox || '.', buf, offset, { mail: true })
  offset += name.encode.bytes
  name.encode(data.txt || '.', buf, offset)
  offset += name.encode.bytes
  rrp.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rrp.encode.bytes - 2, oldOffset)
  return buf
}

rrp.encode.bytes = 0

rrp.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const data = {}
  offset += 2
  data.mbox = name.decode(buf, offset, { mail: true }) || '.'
  offset += name.decode.bytes
  data.txt = name.decode(buf, offset) || '.'
  offset += name.decode.bytes
  rrp.decode.bytes = offset - oldOffset
  return data
}

rrp.decode.bytes = 0

rrp.encodingLength = function (data) {
  return 2 + name.encodingLength(data.mbox || '.') + name.encodingLength(data.txt || '.')
}

const typebitmap = {}

typebitmap.encode = function (typelist, buf, offset) {
  if (!buf) buf = Buffer.alloc(typebitmap.encodingLength(typelist))
  if (!offset) offset = 0
  const oldOffset = offset

  var typesByWindow = []
  for (var i = 0; i < typelist.length; i++) {
    var typeid = types.toType(typelist[i])
    if (typesByWindow[typeid >> 8] === undefined) {
      typesByWindow[typeid >> 8] = []
    }
    typesByWindow[typeid >> 8][(typeid >> 3) & 0x1F] |= 1 << (7 - (typeid & 0x7))
  }

  for (i = 0; i < typesByWindow.length; i++) {
    if (typesByWindow[i] !== undefined) {
      var windowBuf = Buffer.from(typesByWindow[i])
      buf.writeUInt8(i, offset)
      offset += 1
      buf.writeUInt8(windowBuf.length, offset)
      offset += 1
      windowBuf.copy(buf, offset)
      offset += windowBuf.length
    }
  }

  typebitmap.encode.bytes = offset - oldOffset
  return buf
}

typebitmap.encode.bytes = 0

typebitmap.decode = function (buf, offset, length) {
  if (!offset) offset = 0
  const oldOffset = offset

  var typelist = []
  while (offset - oldOffset < length) {
    var window = buf.readUInt8(offset)
    offset += 1
    var windowLength = buf.readUInt8(offset)
    offset += 1
    for (var i = 0; i < windowLength; i++) {
      var b = buf.readUInt8(offset + i)
      for (var j = 0; j < 8; j++) {
        if (b & (1 << (7 - j))) {
          var typeid = types.toString((window << 8) | (i << 3) | j)
          typelist.push(typeid)
        }
      }
    }
    offset += windowLength
  }

  typebitmap.decode.bytes = offset - oldOffset
  return typelist
}

typebitmap.decode.bytes = 0

typebitmap.encodingLength = function (typelist) {
  var extents = []
  for (var i = 0; i < typelist.length; i++) {
    var typeid = types.toType(typelist[i])
    extents[typeid >> 8] = Math.max(extents[typeid >> 8] || 0, typeid & 0xFF)
  }

  var len = 0
  for (i = 0; i < extents.length; i++) {
    if (extents[i] !== undefined) {
      len += 2 + Math.ceil((extents[i] + 1) / 8)
    }
  }

  return len
}

const rnsec = exports.nsec = {}

rnsec.encode = function (record, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnsec.encodingLength(record))
  if (!offset) offset = 0
  const oldOffset = offset

  offset += 2 // Leave space for length
  name.encode(record.nextDomain, buf, offset)
  offset += name.encode.bytes
  typebitmap.encode(record.rrtypes, buf, offset)
  offset += typebitmap.encode.bytes

  rnsec.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rnsec.encode.bytes - 2, oldOffset)
  return buf
}

rnsec.encode.bytes = 0

rnsec.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var record = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  record.nextDomain = name.decode(buf, offset)
  offset += name.decode.bytes
  record.rrtypes = typebitmap.decode(buf, offset, length - (offset - oldOffset))
  offset += typebitmap.decode.bytes

  rnsec.decode.bytes = offset - oldOffset
  return record
}

rnsec.decode.bytes = 0

rnsec.encodingLength = function (record) {
  return 2 +
    name.encodingLength(record.nextDomain) +
    typebitmap.encodingLength(record.rrtypes)
}

const rnsec3 = exports.nsec3 = {}

rnsec3.encode = function (record, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnsec3.encodingLength(record))
  if (!offset) offset = 0
  const oldOffset = offset

  const salt = record.salt
  if (!Buffer.isBuffer(salt)) {
    throw new Error('salt must be a Buffer')
  }

  const nextDomain = record.nextDomain
  if (!Buffer.isBuffer(nextDomain)) {
    throw new Error('nextDomain must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt8(record.algorithm, offset)
  offset += 1
  buf.writeUInt8(record.flags, offset)
  offset += 1
  buf.writeUInt16BE(record.iterations, offset)
  offset += 2
  buf.writeUInt8(salt.length, offset)
  offset += 1
  salt.copy(buf, offset, 0, salt.length)
  offset += salt.length
  buf.writeUInt8(nextDomain.length, offset)
  offset += 1
  nextDomain.copy(buf, offset, 0, nextDomain.length)
  offset += nextDomain.length
  typebitmap.encode(record.rrtypes, buf, offset)
  offset += typebitmap.encode.bytes

  rnsec3.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rnsec3.encode.bytes - 2, oldOffset)
  return buf
}

rnsec3.encode.bytes = 0

rnsec3.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var record = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  record.algorithm = buf.readUInt8(offset)
  offset += 1
  record.flags = buf.readUInt8(offset)
  offset += 1
  record.iterations = buf.readUInt16BE(offset)
  offset += 2
  const saltLength = buf.readUInt8(offset)
  offset += 1
  record.salt = buf.slice(offset, offset + saltLength)
  offset += saltLength
  const hashLength = buf.readUInt8(offset)
  offset += 1
  record.nextDomain = buf.slice(offset, offset + hashLength)
  offset += hashLength
  record.rrtypes = typebitmap.decode(buf, offset, length - (offset - oldOffset))
  offset += typebitmap.decode.bytes

  rnsec3.decode.bytes = offset - oldOffset
  return record
}

rnsec3.decode.bytes = 0

rnsec3.encodingLength = function (record) {
  return 8 +
    record.salt.length +
    record.nextDomain.length +
    typebitmap.encodingLength(record.rrtypes)
}

const rds = exports.ds = {}

rds.encode = function (digest, buf, offset) {
  if (!buf) buf = Buffer.alloc(rds.encodingLength(digest))
  if (!offset) offset = 0
  const oldOffset = offset

  const digestdata = digest.digest
  if (!Buffer.isBuffer(digestdata)) {
    throw new Error('Digest must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt16BE(digest.keyTag, offset)
  offset += 2
  buf.writeUInt8(digest.algorithm, offset)
  offset += 1
  buf.writeUInt8(digest.digestType, offset)
  offset += 1
  digestdata.copy(buf, offset, 0, digestdata.length)
  offset += digestdata.length

  rds.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rds.encode.bytes - 2, oldOffset)
  return buf
}

rds.encode.bytes = 0

rds.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  var digest = {}
  var length = buf.readUInt16BE(offset)
  offset += 2
  digest.keyTag = buf.readUInt16BE(offset)
  offset += 2
  digest.algorithm = buf.readUInt8(offset)
  offset += 1
  digest.digestType = buf.readUInt8(offset)
  offset += 1
  digest.digest = buf.slice(offset, oldOffset + length + 2)
  offset += digest.digest.length
  rds.decode.bytes = offset - oldOffset
  return digest
}

rds.decode.bytes = 0

rds.encodingLength = function (digest) {
  return 6 + Buffer.byteLength(digest.digest)
}

const rsshfp = exports.sshfp = {}

rsshfp.getFingerprintLengthForHashType = function getFingerprintLengthForHashType (hashType) {
  switch (hashType) {
    case 1: return 20
    case 2: return 32
  }
}

rsshfp.encode = function encode (record, buf, offset) {
  if (!buf) buf = Buffer.alloc(rsshfp.encodingLength(record))
  if (!offset) offset = 0
  const oldOffset = offset

  offset += 2 // The function call starts with the offset pointer at the RDLENGTH field, not the RDATA one
  buf[offset] = record.algorithm
  offset += 1
  buf[offset] = record.hash
  offset += 1

  const fingerprintBuf = Buffer.from(record.fingerprint.toUpperCase(), 'hex')
  if (fingerprintBuf.length !== rsshfp.getFingerprintLengthForHashType(record.hash)) {
    throw new Error('Invalid fingerprint length')
  }
  fingerprintBuf.copy(buf, offset)
  offset += fingerprintBuf.byteLength

  rsshfp.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rsshfp.encode.bytes - 2, oldOffset)

  return buf
}

rsshfp.encode.bytes = 0

rsshfp.decode = function decode (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const record = {}
  offset += 2 // Account for the RDLENGTH field
  record.algorithm = buf[offset]
  offset += 1
  record.hash = buf[offset]
  offset += 1

  const fingerprintLength = rsshfp.getFingerprintLengthForHashType(record.hash)
  record.fingerprint = buf.slice(offset, offset + fingerprintLength).toString('hex').toUpperCase()
  offset += fingerprintLength
  rsshfp.decode.bytes = offset - oldOffset
  return record
}

rsshfp.decode.bytes = 0

rsshfp.encodingLength = function (record) {
  return 4 + Buffer.from(record.fingerprint, 'hex').byteLength
}

const rnaptr = exports.naptr = {}

rnaptr.encode = function (data, buf, offset) {
  if (!buf) buf = Buffer.alloc(rnaptr.encodingLength(data))
  if (!offset) offset = 0
  const oldOffset = offset
  offset += 2
  buf.writeUInt16BE(data.order || 0, offset)
  offset += 2
  buf.writeUInt16BE(data.preference || 0, offset)
  offset += 2
  string.encode(data.flags, buf, offset)
  offset += string.encode.bytes
  string.encode(data.services, buf, offset)
  offset += string.encode.bytes
  string.encode(data.regexp, buf, offset)
  offset += string.encode.bytes
  name.encode(data.replacement, buf, offset)
  offset += name.encode.bytes
  rnaptr.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rnaptr.encode.bytes - 2, oldOffset)
  return buf
}

rnaptr.encode.bytes = 0

rnaptr.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset
  const data = {}
  offset += 2
  data.order = buf.readUInt16BE(offset)
  offset += 2
  data.preference = buf.readUInt16BE(offset)
  offset += 2
  data.flags = string.decode(buf, offset)
  offset += string.decode.bytes
  data.services = string.decode(buf, offset)
  offset += string.decode.bytes
  data.regexp = string.decode(buf, offset)
  offset += string.decode.bytes
  data.replacement = name.decode(buf, offset)
  offset += name.decode.bytes
  rnaptr.decode.bytes = offset - oldOffset
  return data
}

rnaptr.decode.bytes = 0

rnaptr.encodingLength = function (data) {
  return string.encodingLength(data.flags) +
    string.encodingLength(data.services) +
    string.encodingLength(data.regexp) +
    name.encodingLength(data.replacement) + 6
}

const rtlsa = exports.tlsa = {}

rtlsa.encode = function (cert, buf, offset) {
  if (!buf) buf = Buffer.alloc(rtlsa.encodingLength(cert))
  if (!offset) offset = 0
  const oldOffset = offset

  const certdata = cert.certificate
  if (!Buffer.isBuffer(certdata)) {
    throw new Error('Certificate must be a Buffer')
  }

  offset += 2 // Leave space for length
  buf.writeUInt8(cert.usage, offset)
  offset += 1
  buf.writeUInt8(cert.selector, offset)
  offset += 1
  buf.writeUInt8(cert.matchingType, offset)
  offset += 1
  certdata.copy(buf, offset, 0, certdata.length)
  offset += certdata.length

  rtlsa.encode.bytes = offset - oldOffset
  buf.writeUInt16BE(rtlsa.encode.bytes - 2, oldOffset)
  return buf
}

rtlsa.encode.bytes = 0

rtlsa.decode = function (buf, offset) {
  if (!offset) offset = 0
  const oldOffset = offset

  const cert = {}
  const length = buf.readUInt16BE(offset)
  offset += 2
  cert.usage = buf.readUInt8(offset)
  offset += 1
  cert.selector = buf.readUInt8(offset)
  offset += 1
  cert.matchingType = buf.readUInt8(offset)
  offset += 1
  cert.certificate = buf.slice(offset, oldOffset + length + 2)
  offset += cert.certificate.length
  rtlsa.decode.bytes = offset - oldOffset
  return cert
}

rtlsa.decode.bytes = 0

rtlsa.encodingLength = function (cert) {
  return 5 + Buffer.byteLength(cert.certificate)
}

const renc = exports.record = function (type) {
  switch (type.toUpperCase()) {
    case 'A': return ra
    case 'PTR': return rptr
    case 'CNAME': return rcname
    case 'DNAME': return rdname
    case 'TXT': return rtxt
    case 'NULL': return rnull
    case 'AAAA': return raaaa
    case 'SRV': return rsrv
    case 'HINFO': return rhinfo
    case 'CAA': return rcaa
    case 'NS': return rns
    case 'SOA': return rsoa
    case 'MX': return rmx
    case 'OPT': return ropt
    case 'DNSKEY': return rdnskey
    case 'RRSIG': return rrrsig
    case 'RP': return rrp
    case 'NSEC': return rnsec
    case 'NSEC3': return rnsec3
    case 'SSHFP': return rsshfp
    case 'DS': return rds
    case 'NAPTR': return rnaptr
    case 'TLSA': return rtlsa
  }
  return runknown
}

const answer = exports.answer = {}

answer.encode = function (a, buf, offset) {
  if (!buf) buf = Buffer.alloc(answer.encodingLength(a))
  if (!offset) offset = 0

  const oldOffset = offset

  name.encode(a.name, buf, offset)
  offset += name.encode.bytes

  buf.writeUInt16BE(types.toType(a.type), offset)

  if (a.type.toUpperCase() === 'OPT') {
    if (a.name !== '.') {
      throw new Error('OPT name must be root.')
    }
    buf.writeUInt16BE(a.udpPayloadSize || 4096, offset + 2)
    buf.writeUInt8(a.extendedRcode || 0, offset + 4)
    buf.writeUInt8(a.ednsVersion || 0, offset + 5)
    buf.writeUInt16BE(a.flags || 0, offset + 6)

    offset += 8
    ropt.encode(a.options || [], buf, offset)
    offset += ropt.encode.bytes
  } else {
    let klass = classes.toClass(a.class === undefined ? 'IN' : a.class)
    if (a.flush) klass |= FLUSH_MASK // the 1st bit of the class is the flush bit
    buf.writeUInt16BE(klass, offset + 2)
    buf.writeUInt32BE(a.ttl || 0, offset + 4)

    offset += 8
    const enc = renc(a.type)
    enc.encode(a.data, buf, offset)
    offset += enc.encode.bytes
  }

  answer.encode.bytes = offset - oldOffset
  return buf
}

answer.encode.bytes = 0

answer.decode = function (buf, offset) {
  if (!offset) offset = 0

  const a = {}
  const oldOffset = offset

  a.name = name.decode(buf, offset)
  offset += name.decode.bytes
  a.type = types.toString(buf.readUInt16BE(offset))
  if (a.type === 'OPT') {
    a.udpPayloadSize = buf.readUInt16BE(offset + 2)
    a.extendedRcode = buf.readUInt8(offset + 4)
    a.ednsVersion = buf.readUInt8(offset + 5)
    a.flags = buf.readUInt16BE(offset + 6)
    a.flag_do = ((a.flags >> 15) & 0x1) === 1
    a.options = ropt.decode(buf, offset + 8)
    offset += 8 + ropt.decode.bytes
  } else {
    const klass = buf.readUInt16BE(offset + 2)
    a.ttl = buf.readUInt32BE(offset + 4)

    a.class = classes.toString(klass & NOT_FLUSH_MASK)
    a.flush = !!(klass & FLUSH_MASK)

    const enc = renc(a.type)
    a.data = enc.decode(buf, offset + 8)
    offset += 8 + enc.decode.bytes
  }

  answer.decode.bytes = offset - oldOffset
  return a
}

answer.decode.bytes = 0

answer.encodingLength = function (a) {
  const data = (a.data !== null && a.data !== undefined) ? a.data : a.options
  return name.encodingLength(a.name) + 8 + renc(a.type).encodingLength(data)
}

const question = exports.question = {}

question.encode = function (q, buf, offset) {
  if (!buf) buf = Buffer.alloc(question.encodingLength(q))
  if (!offset) offset = 0

  const oldOffset = offset

  name.encode(q.name, buf, offset)
  offset += name.encode.bytes

  buf.writeUInt16BE(types.toType(q.type), offset)
  offset += 2

  buf.writeUInt16BE(classes.toClass(q.class === undefined ? 'IN' : q.class), offset)
  offset += 2

  question.encode.bytes = offset - oldOffset
  return q
}

question.encode.bytes = 0

question.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset
  const q = {}

  q.name = name.decode(buf, offset)
  offset += name.decode.bytes

  q.type = types.toString(buf.readUInt16BE(offset))
  offset += 2

  q.class = classes.toString(buf.readUInt16BE(offset))
  offset += 2

  const qu = !!(q.class & QU_MASK)
  if (qu) q.class &= NOT_QU_MASK

  question.decode.bytes = offset - oldOffset
  return q
}

question.decode.bytes = 0

question.encodingLength = function (q) {
  return name.encodingLength(q.name) + 4
}

exports.AUTHORITATIVE_ANSWER = 1 << 10
exports.TRUNCATED_RESPONSE = 1 << 9
exports.RECURSION_DESIRED = 1 << 8
exports.RECURSION_AVAILABLE = 1 << 7
exports.AUTHENTIC_DATA = 1 << 5
exports.CHECKING_DISABLED = 1 << 4
exports.DNSSEC_OK = 1 << 15

exports.encode = function (result, buf, offset) {
  const allocing = !buf

  if (allocing) buf = Buffer.alloc(exports.encodingLength(result))
  if (!offset) offset = 0

  const oldOffset = offset

  if (!result.questions) result.questions = []
  if (!result.answers) result.answers = []
  if (!result.authorities) result.authorities = []
  if (!result.additionals) result.additionals = []

  header.encode(result, buf, offset)
  offset += header.encode.bytes

  offset = encodeList(result.questions, question, buf, offset)
  offset = encodeList(result.answers, answer, buf, offset)
  offset = encodeList(result.authorities, answer, buf, offset)
  offset = encodeList(result.additionals, answer, buf, offset)

  exports.encode.bytes = offset - oldOffset

  // just a quick sanity check
  if (allocing && exports.encode.bytes !== buf.length) {
    return buf.slice(0, exports.encode.bytes)
  }

  return buf
}

exports.encode.bytes = 0

exports.decode = function (buf, offset) {
  if (!offset) offset = 0

  const oldOffset = offset
  const result = header.decode(buf, offset)
  offset += header.decode.bytes

  offset = decodeList(result.questions, question, buf, offset)
  offset = decodeList(result.answers, answer, buf, offset)
  offset = decodeList(result.authorities, answer, buf, offset)
  offset = decodeList(result.additionals, answer, buf, offset)

  exports.decode.bytes = offset - oldOffset

  return result
}

exports.decode.bytes = 0

exports.encodingLength = function (result) {
  return header.encodingLength(result) +
    encodingLengthList(result.questions || [], question) +
    encodingLengthList(result.answers || [], answer) +
    encodingLengthList(result.authorities || [], answer) +
    encodingLengthList(result.additionals || [], answer)
}

exports.streamEncode = function (result) {
  const buf = exports.encode(result)
  const sbuf = Buffer.alloc(2)
  sbuf.writeUInt16BE(buf.byteLength)
  const combine = Buffer.concat([sbuf, buf])
  exports.streamEncode.bytes = combine.byteLength
  return combine
}

exports.streamEncode.bytes = 0

exports.streamDecode = function (sbuf) {
  const len = sbuf.readUInt16BE(0)
  if (sbuf.byteLength < len + 2) {
    // not enough data
    return null
  }
  const result = exports.decode(sbuf.slice(2))
  exports.streamDecode.bytes = exports.decode.bytes
  return result
}

exports.streamDecode.bytes = 0

function encodingLengthList (list, enc) {
  let len = 0
  for (let i = 0; i < list.length; i++) len += enc.encodingLength(list[i])
  return len
}

function encodeList (list, enc, buf, offset) {
  for (let i = 0; i < list.length; i++) {
    enc.encode(list[i], buf, offset)
    offset += enc.encode.bytes
  }
  return offset
}

function decodeList (list, enc, buf, offset) {
  for (let i = 0; i < list.length; i++) {
    list[i] = enc.decode(buf, offset)
    offset += enc.decode.bytes
  }
  return offset
}


/***/ }),

/***/ 4693:
/***/ ((__unused_webpack_module, exports) => {



/*
 * Traditional DNS header OPCODEs (4-bits) defined by IANA in
 * https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-5
 */

exports.toString = function (opcode) {
  switch (opcode) {
    case 0: return 'QUERY'
    case 1: return 'IQUERY'
    case 2: return 'STATUS'
    case 3: return 'OPCODE_3'
    case 4: return 'NOTIFY'
    case 5: return 'UPDATE'
    case 6: return 'OPCODE_6'
    case 7: return 'OPCODE_7'
    case 8: return 'OPCODE_8'
    case 9: return 'OPCODE_9'
    case 10: return 'OPCODE_10'
    case 11: return 'OPCODE_11'
    case 12: return 'OPCODE_12'
    case 13: return 'OPCODE_13'
    case 14: return 'OPCODE_14'
    case 15: return 'OPCODE_15'
  }
  return 'OPCODE_' + opcode
}

exports.toOpcode = function (code) {
  switch (code.toUpperCase()) {
    case 'QUERY': return 0
    case 'IQUERY': return 1
    case 'STATUS': return 2
    case 'OPCODE_3': return 3
    case 'NOTIFY': return 4
    case 'UPDATE': return 5
    case 'OPCODE_6': return 6
    case 'OPCODE_7': return 7
    case 'OPCODE_8': return 8
    case 'OPCODE_9': return 9
    case 'OPCODE_10': return 10
    case 'OPCODE_11': return 11
    case 'OPCODE_12': return 12
    case 'OPCODE_13': return 13
    case 'OPCODE_14': return 14
    case 'OPCODE_15': return 15
  }
  return 0
}


/***/ }),

/***/ 2075:
/***/ ((__unused_webpack_module, exports) => {



exports.toString = function (type) {
  switch (type) {
    // list at
    // https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-11
    case 1: return 'LLQ'
    case 2: return 'UL'
    case 3: return 'NSID'
    case 5: return 'DAU'
    case 6: return 'DHU'
    case 7: return 'N3U'
    case 8: return 'CLIENT_SUBNET'
    case 9: return 'EXPIRE'
    case 10: return 'COOKIE'
    case 11: return 'TCP_KEEPALIVE'
    case 12: return 'PADDING'
    case 13: return 'CHAIN'
    case 14: return 'KEY_TAG'
    case 26946: return 'DEVICEID'
  }
  if (type < 0) {
    return null
  }
  return `OPTION_${type}`
}

exports.toCode = function (name) {
  if (typeof name === 'number') {
    return name
  }
  if (!name) {
    return -1
  }
  switch (name.toUpperCase()) {
    case 'OPTION_0': return 0
    case 'LLQ': return 1
    case 'UL': return 2
    case 'NSID': return 3
    case 'OPTION_4': return 4
    case 'DAU': return 5
    case 'DHU': return 6
    case 'N3U': return 7
    case 'CLIENT_SUBNET': return 8
    case 'EXPIRE': return 9
    case 'COOKIE': return 10
    case 'TCP_KEEPALIVE': return 11
    case 'PADDING': return 12
    case 'CHAIN': return 13
    case 'KEY_TAG': return 14
    case 'DEVICEID': return 26946
    case 'OPTION_65535': return 65535
  }
  const m = name.match(/_(\d+)$/)
  if (m) {
    return parseInt(m[1], 10)
  }
  return -1
}


/***/ }),

/***/ 2028:
/***/ ((__unused_webpack_module, exports) => {



/*
 * Traditional DNS header RCODEs (4-bits) defined by IANA in
 * https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml
 */

exports.toString = function (rcode) {
  switch (rcode) {
    case 0: return 'NOERROR'
    case 1: return 'FORMERR'
    case 2: return 'SERVFAIL'
    case 3: return 'NXDOMAIN'
    case 4: return 'NOTIMP'
    case 5: return 'REFUSED'
    case 6: return 'YXDOMAIN'
    case 7: return 'YXRRSET'
    case 8: return 'NXRRSET'
    case 9: return 'NOTAUTH'
    case 10: return 'NOTZONE'
    case 11: return 'RCODE_11'
    case 12: return 'RCODE_12'
    case 13: return 'RCODE_13'
    case 14: return 'RCODE_14'
    case 15: return 'RCODE_15'
  }
  return 'RCODE_' + rcode
}

exports.toRcode = function (code) {
  switch (code.toUpperCase()) {
    case 'NOERROR': return 0
    case 'FORMERR': return 1
    case 'SERVFAIL': return 2
    case 'NXDOMAIN': return 3
    case 'NOTIMP': return 4
    case 'REFUSED': return 5
    case 'YXDOMAIN': return 6
    case 'YXRRSET': return 7
    case 'NXRRSET': return 8
    case 'NOTAUTH': return 9
    case 'NOTZONE': return 10
    case 'RCODE_11': return 11
    case 'RCODE_12': return 12
    case 'RCODE_13': return 13
    case 'RCODE_14': return 14
    case 'RCODE_15': return 15
  }
  return 0
}


/***/ }),

/***/ 1891:
/***/ ((__unused_webpack_module, exports) => {



exports.toString = function (type) {
  switch (type) {
    case 1: return 'A'
    case 10: return 'NULL'
    case 28: return 'AAAA'
    case 18: return 'AFSDB'
    case 42: return 'APL'
    case 257: return 'CAA'
    case 60: return 'CDNSKEY'
    case 59: return 'CDS'
    case 37: return 'CERT'
    case 5: return 'CNAME'
    case 49: return 'DHCID'
    case 32769: return 'DLV'
    case 39: return 'DNAME'
    case 48: return 'DNSKEY'
    case 43: return 'DS'
    case 55: return 'HIP'
    case 13: return 'HINFO'
    case 45: return 'IPSECKEY'
    case 25: return 'KEY'
    case 36: return 'KX'
    case 29: return 'LOC'
    case 15: return 'MX'
    case 35: return 'NAPTR'
    case 2: return 'NS'
    case 47: return 'NSEC'
    case 50: return 'NSEC3'
    case 51: return 'NSEC3PARAM'
    case 12: return 'PTR'
    case 46: return 'RRSIG'
    case 17: return 'RP'
    case 24: return 'SIG'
    case 6: return 'SOA'
    case 99: return 'SPF'
    case 33: return 'SRV'
    case 44: return 'SSHFP'
    case 32768: return 'TA'
    case 249: return 'TKEY'
    case 52: return 'TLSA'
    case 250: return 'TSIG'
    case 16: return 'TXT'
    case 252: return 'AXFR'
    case 251: return 'IXFR'
    case 41: return 'OPT'
    case 255: return 'ANY'
  }
  return 'UNKNOWN_' + type
}

exports.toType = function (name) {
  switch (name.toUpperCase()) {
    case 'A': return 1
    case 'NULL': return 10
    case 'AAAA': return 28
    case 'AFSDB': return 18
    case 'APL': return 42
    case 'CAA': return 257
    case 'CDNSKEY': return 60
    case 'CDS': return 59
    case 'CERT': return 37
    case 'CNAME': return 5
    case 'DHCID': return 49
    case 'DLV': return 32769
    case 'DNAME': return 39
    case 'DNSKEY': return 48
    case 'DS': return 43
    case 'HIP': return 55
    case 'HINFO': return 13
    case 'IPSECKEY': return 45
    case 'KEY': return 25
    case 'KX': return 36
    case 'LOC': return 29
    case 'MX': return 15
    case 'NAPTR': return 35
    case 'NS': return 2
    case 'NSEC': return 47
    case 'NSEC3': return 50
    case 'NSEC3PARAM': return 51
    case 'PTR': return 12
    case 'RRSIG': return 46
    case 'RP': return 17
    case 'SIG': return 24
    case 'SOA': return 6
    case 'SPF': return 99
    case 'SRV': return 33
    case 'SSHFP': return 44
    case 'TA': return 32768
    case 'TKEY': return 249
    case 'TLSA': return 52
    case 'TSIG': return 250
    case 'TXT': return 16
    case 'AXFR': return 252
    case 'IXFR': return 251
    case 'OPT': return 41
    case 'ANY': return 255
    case '*': return 255
  }
  if (name.toUpperCase().startsWith('UNKNOWN_')) return parseInt(name.slice(8))
  return 0
}


/***/ }),

/***/ 3403:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8198);
/* harmony import */ var _core_step_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1757);
/* harmony import */ var _dns_options_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4673);



// Inputs first, before the toolkit, the providers and the AWS SDK load: a bad one fails fast.
const checked = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_1__/* .checkInputs */ .sw)('dns-cutover', () => {
    const inputs = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_1__/* .envInputs */ .DH)();
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(inputs.optional('api-token'));
    return (0,_dns_options_js__WEBPACK_IMPORTED_MODULE_2__/* .readCutoverOptions */ .vb)(inputs);
});
if (checked)
    await cutoverStep(checked);
async function cutoverStep(options) {
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { runAction, setOutputs, writeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { planJson } = await __nccwpck_require__.e(/* import() */ 52).then(__nccwpck_require__.bind(__nccwpck_require__, 5052));
    await runAction('dns-cutover', async () => {
        const { cutover } = await __nccwpck_require__.e(/* import() */ 7).then(__nccwpck_require__.bind(__nccwpck_require__, 4007));
        const { renderCutoverSummary } = await __nccwpck_require__.e(/* import() */ 197).then(__nccwpck_require__.bind(__nccwpck_require__, 197));
        // Written as soon as known, so a run that stops on an error still leaves what rollback mode needs.
        const onState = (state) => setOutputs({
            changed: state.changed,
            previous: state.previous === undefined ? undefined : JSON.stringify(state.previous),
        });
        const result = await cutover({ ...options, log: (line) => core.info(line), onState });
        setOutputs({
            status: result.status,
            changed: result.changed,
            previous: JSON.stringify(result.previous),
            plan: planJson(result.plan),
            propagated: result.verify?.ok ?? false,
            'propagation-ms': result.verify?.ok ? result.verify.elapsedMs : undefined,
            'wait-seconds': result.waitSeconds,
        });
        await writeSummary(renderCutoverSummary(result));
        if (!result.ok) {
            core.setFailed(result.failure ?? `dns-cutover ${result.status}`);
        }
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export goDurationMs */
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * Parses `250ms`, `90s`, `5m`, `1h30m`, `7d` into milliseconds. A bare number is rejected on purpose:
 * `wait-timeout: 5` could mean seconds or minutes, and guessing wrong deploys with the wrong gate.
 * Returns undefined when the text is not a duration.
 */
function parseDuration(text) {
    const trimmed = text.trim().toLowerCase();
    if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d)\s*)+$/.test(trimmed))
        return undefined;
    let total = 0;
    for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)) {
        total += Number(match[1]) * UNITS[match[2]];
    }
    return total;
}
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    if (ms < 3_600_000)
        return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
    return `${Math.floor(ms / 3_600_000)}h${Math.round((ms % 3_600_000) / 60_000)}m`;
}
const GO_UNITS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
/**
 * Milliseconds from a Go duration string (`"15s"`, `"1m30s"`, `"500ms"`, `"0"`), as fly.toml and the Machines
 * API write them; undefined when the text is not one. The one parser the client and the simulator share.
 */
function goDurationMs(text) {
    const trimmed = text.trim();
    if (trimmed === '0')
        return 0;
    if (!/^((\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(trimmed))
        return undefined;
    let total = 0;
    for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
        total += Number(match[1]) * GO_UNITS[match[2]];
    return total;
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   qK: () => (/* binding */ isProgrammingError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export isUserError */
/**
 * Two kinds of failure, reported differently: a UserError is the caller's to fix and reads as one line
 * naming the input, what was wrong and the fix; anything else is ours and keeps its stack for the log.
 */
class UserError extends Error {
    input;
    fix;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'UserError';
        this.input = options.input;
        this.fix = options.fix;
    }
    /** The one line a user sees: `input 'rate': "-1" is not a number ≥ 0. Fix: use e.g. 50.` */
    describe() {
        const where = this.input ? `input '${this.input}': ` : '';
        const fix = this.fix ? ` Fix: ${this.fix}` : '';
        return `${where}${this.message}${fix}`;
    }
}
/** An input failed validation. Thrown before any API call, so nothing has been changed. */
class InputError extends UserError {
    constructor(input, problem, fix) {
        super(problem, { input, fix });
        this.name = 'InputError';
    }
}
/** A remote API said no in a way that retrying cannot change (bad token, no such bucket...). */
class ApiError extends Error {
    status;
    body;
    constructor(message, status, body = '') {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.body = body;
    }
}
function errorMessage(error) {
    if (error instanceof UserError)
        return error.describe();
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
function isUserError(error) {
    return error instanceof UserError;
}
/**
 * Our own bugs surface as the built-in error types (a TypeError reading a field of undefined...): only
 * those are reported as "failed unexpectedly". Errors raised on purpose (a service's fault, a store
 * error) carry a message written for the user.
 */
function isProgrammingError(error) {
    if (isUserError(error))
        return false;
    return (!(error instanceof Error) ||
        error instanceof TypeError ||
        error instanceof RangeError ||
        error instanceof ReferenceError ||
        error instanceof SyntaxError ||
        error instanceof EvalError ||
        error instanceof URIError ||
        !error.message);
}


/***/ }),

/***/ 9114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports parsePercent, MAX_INPUT_LENGTH, MAX_URL_LENGTH, MAX_HEADER_LENGTH, checkLength, checkHeaderValue, parseUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8571);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8198);



/**
 * Typed readers over one InputSource. Every reader names the input in its error and says what a good
 * value looks like, so a mistake is a one-line fix that fails before any API call.
 */
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    raw(name) {
        const value = this.source(name);
        if (value === undefined)
            return undefined;
        checkLength(name, value, MAX_INPUT_LENGTH);
        const trimmed = value.trim();
        return trimmed === '' ? undefined : trimmed;
    }
    required(name, example) {
        const value = this.raw(name);
        if (value === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required but empty.', example ? `set it, e.g. ${name}: ${example}` : `set '${name}'.`);
        }
        return value;
    }
    string(name, fallback) {
        return this.raw(name) ?? fallback;
    }
    optional(name) {
        return this.raw(name);
    }
    bool(name, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        if (/^(true|yes|on|1)$/i.test(value))
            return true;
        if (/^(false|no|off|0)$/i.test(value))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a boolean.`, 'use true or false.');
    }
    int(name, fallback, range = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        if (!/^-?\d+$/.test(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a whole number.`, `use e.g. ${fallback}.`);
        return checkRange(name, Number(value), range);
    }
    number(name, fallback, range = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const parsed = Number(value);
        if (!Number.isFinite(parsed))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a number.`, `use e.g. ${fallback}.`);
        return checkRange(name, parsed, range);
    }
    /** Milliseconds from `90s`, `5m`, `1h30m`. */
    duration(name, fallback, range = {}) {
        const text = this.raw(name) ?? fallback;
        const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(text);
        if (ms === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${text}" is not a duration.`, 'write a number with a unit: 500ms, 90s, 5m, 1h30m, 7d.');
        }
        if (range.min !== undefined && ms < range.min)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${text} is shorter than the minimum ${range.min}ms.`, 'use a longer duration.');
        if (range.max !== undefined && ms > range.max)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${text} is longer than the maximum ${range.max}ms.`, 'use a shorter duration.');
        return ms;
    }
    /** A fraction from `1%`, `0.5%` or `0.01`. */
    percent(name, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const parsed = parsePercent(value);
        if (parsed === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown(value)} is not a percentage from 0% to 100%.`, 'write e.g. 1% or 0.01.');
        return parsed;
    }
    /** Items separated by newlines (or commas when `commas` is set); blank lines and `#` comments dropped. */
    list(name, options = {}) {
        const value = this.source(name) ?? '';
        checkLength(name, value, MAX_INPUT_LENGTH);
        const splitter = options.commas ? /[\n,]/ : /\n/;
        return value
            .split(splitter)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'));
    }
    enumOf(name, allowed, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
        if (!match)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not one of the accepted values.`, `use one of: ${allowed.join(', ')}.`);
        return match;
    }
    url(name, options = {}) {
        const value = options.required ? this.required(name, 'https://example.fly.dev/health') : this.raw(name);
        if (value === undefined)
            return undefined;
        return parseUrl(name, value, options.protocols, options);
    }
    /** `NAME=VALUE` lines into a map; the value may itself contain `=`. */
    keyValues(name) {
        const result = new Map();
        for (const line of this.list(name)) {
            const eq = line.indexOf('=');
            if (eq <= 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line "${line.slice(0, 40)}" is not NAME=VALUE.`, 'write one NAME=VALUE per line.');
            result.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
        }
        return result;
    }
}
/** A fraction from `1%` or `0.01`; undefined for anything else, including more than 100 %. */
function parsePercent(text) {
    const trimmed = text.trim();
    const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
    if (pct) {
        const n = Number(pct[1]);
        // A rate above 100 % can never be reached, so a gate on it would pass an endpoint failing every request.
        return n <= 100 ? n / 100 : undefined;
    }
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
        const n = Number(trimmed);
        return n <= 1 ? n : undefined;
    }
    return undefined;
}
/** No input is longer than this; anything longer is a paste gone wrong, refused before it is used. */
const MAX_INPUT_LENGTH = 65_536;
/** Longer URLs are refused by most servers and proxies (8 KiB request line) and are never meant. */
const MAX_URL_LENGTH = 8192;
/** Header values past this are refused by common servers (nginx: 8 KiB per header line). */
const MAX_HEADER_LENGTH = 8192;
/** A value as it may appear in a message: quoted, control characters shown, long ones cut with their length. */
function shown(value, max = 80) {
    const visible = JSON.stringify(value.length > max ? value.slice(0, max) : value);
    return value.length > max ? `${visible.slice(0, -1)}…" (${value.length} characters)` : visible;
}
/** Refuses an absurd length before the value is used anywhere. */
function checkLength(name, value, max, what = 'value') {
    if (value.length > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `the ${what} is ${value.length} characters long; at most ${max} is accepted.`, 'check what was pasted into it.');
}
/**
 * A header value that can be sent as it is: no CR, LF or other control characters (they would split or
 * corrupt the request, and every request would fail), and a sane length. Never echoes the value: it may
 * be a credential.
 */
function checkHeaderValue(input, header, value) {
    // Control characters are exactly what this looks for.
    // eslint-disable-next-line no-control-regex
    const bad = /[\x00-\x08\x0a-\x1f\x7f]/.exec(value);
    if (bad) {
        const what = bad[0] === '\r'
            ? 'a carriage return (CR)'
            : bad[0] === '\n'
                ? 'a line feed (LF)'
                : 'a control character';
        throw new InputError(input, `the value of header ${header} contains ${what}, which cannot be sent in HTTP.`, 'remove it (a pasted Windows line ending is the usual cause).');
    }
    checkLength(input, value, MAX_HEADER_LENGTH, `value of header ${header}`);
}
function parseUrl(name, value, protocols = ['http:', 'https:'], rules = {}) {
    checkLength(name, value, rules.maxLength ?? MAX_URL_LENGTH, 'URL');
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown(value)} is not a valid URL.`, 'write an absolute URL such as https://voice-bot.fly.dev/health.');
    }
    if (!protocols.includes(url.protocol)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(value))} uses ${url.protocol.replace(':', '')}, not ${protocols.map((p) => p.replace(':', '')).join(' or ')}.`, 'use an http:// or https:// URL.');
    }
    if ((url.username || url.password) && !rules.credentials) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(value))} carries credentials (user:password@), which HTTP clients refuse to send from a URL.`, 'remove them from the URL and send them as a header instead, e.g. "Authorization: Basic <base64 of user:password>".');
    }
    return url;
}
function checkRange(name, value, range) {
    if (range.min !== undefined && value < range.min)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is below the minimum ${range.min}.`, `use a value ≥ ${range.min}.`);
    if (range.max !== undefined && value > range.max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is above the maximum ${range.max}.`, `use a value ≤ ${range.max}.`);
    return value;
}


/***/ }),

/***/ 8198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   gW: () => (/* binding */ installLogScrubber)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

const registered = new Set();
/**
 * Masks a secret in the runner log and remembers it so our own errors, outputs and summaries can be
 * scrubbed too: the runner only redacts its log, not the files we write. Derived forms (the
 * `Bearer …` header, base64) are registered as well because masking is by exact substring.
 */
function registerSecret(value) {
    if (!value || value.length < 4)
        return;
    for (const form of [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]) {
        if (!registered.has(form)) {
            registered.add(form);
            // `core.setSecret`, written out: this module loads before the toolkit does (core/step.ts).
            process.stdout.write(`::add-mask::${form.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
        }
    }
}
/** `scheme://user:password@` and `scheme://token@`: the password (or a lone user, often a token) is secret. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"'<>]*)(?::([^\s/?#@"'<>]*))?@/gi;
/** Query parameters that carry credentials by name (`?token=`, `&api_key=`, `X-Amz-Signature=`...). */
const SECRET_QUERY = /([?&;](?:[\w.-]*[_.-])?(?:token|key|apikey|secret|password|passwd|pwd|sig|signature|auth|credential|session)=)[^&#\s"'<>]+/gi;
/** An echoed credential header (`authorization: Bearer …`, `"x-api-key":"…"`) in a server's answer. */
const SECRET_HEADER = /((?:proxy-)?authorization|x-api-key|x-auth-token|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?:(Bearer|token|Basic|FlyV1|Digest)\s+)?[^"'\s,}\]]+/gi;
/**
 * Replaces every registered secret, and anything shaped like a credential even if nobody registered it
 * (URL passwords, token query parameters, echoed auth headers), with `***`.
 */
function scrub(text) {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('***');
    }
    return result
        .replace(URL_CREDENTIALS, (_m, scheme, user, password) => password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`)
        .replace(SECRET_QUERY, '$1***')
        .replace(SECRET_HEADER, (_m, name, sep, scheme) => scheme ? `${name}${sep}${scheme} ***` : `${name}${sep}***`);
}
/** A URL as it may appear in a message: credentials and token-like query values replaced by `***`. */
function redactUrl(url) {
    return scrub(typeof url === 'string' ? url : url.href);
}
let installed = false;
/**
 * Every line the step writes passes through `scrub`, so a message that forgot to scrub (a library's
 * error, a server's echo) still cannot carry a secret into the log, which the `runway` CLI and
 * anything else reading it see unmasked. `::add-mask::` commands pass untouched: they carry the
 * secret to the runner on purpose.
 */
function installLogScrubber() {
    if (installed)
        return;
    installed = true;
    for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk, ...rest) => {
            if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
                return write(chunk, ...rest);
            const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            const clean = text
                .split('\n')
                .map((line) => (line.startsWith('::add-mask::') ? line : scrub(line)))
                .join('\n');
            return write(clean, ...rest);
        });
    }
}


/***/ }),

/***/ 1757:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DH: () => (/* binding */ envInputs),
/* harmony export */   sw: () => (/* binding */ checkInputs),
/* harmony export */   vy: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony export escapeCommandData */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9114);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8198);
/**
 * The light half of an action step: inputs read straight from the runner's `INPUT_*` variables and a
 * failure reported with the runner's own workflow commands — nothing from the toolkit, so a shell can
 * check every input and stop on a bad one before anything heavy (the toolkit, undici, the AWS SDK)
 * loads. `runAction` (core/action.ts) reports failures through `failStep` too: one way to fail a step.
 */





/** `core.getInput(name)`'s source: INPUT_<NAME>, spaces as underscores, upper case. */
function envInputs(env = process.env) {
    return new _inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i_((name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '');
}
/** Workflow-command data escaping, as the toolkit does it (% first, then CR and LF). */
const escapeCommandData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/**
 * Fails the step the way `core.setFailed` does (exit code 1, an `::error::` annotation) and adds a
 * "stopped" section to the job summary. A user's mistake or a service's failure reads as its own message;
 * a programming error (the built-in error types) says it is ours and keeps the stack for the debug log.
 * Secrets are scrubbed from both.
 */
function failStep(name, error) {
    const message = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._I)((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    // The caller's mistake, or a server that failed, reads as its own message: it says which and what to do.
    const shown = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isProgrammingError */ .qK)(error) ? `${name} failed unexpectedly: ${message}` : message;
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isProgrammingError */ .qK)(error) && error instanceof Error && error.stack)
        process.stdout.write(`::debug::${escapeCommandData((0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._I)(error.stack))}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    process.exitCode = 1;
    process.stdout.write(`::error::${escapeCommandData(shown)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (!summary)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(summary, `### ❌ ${name} stopped\n\n${message.replace(/</g, '&lt;')}\n${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    }
    catch {
        // The summary is a courtesy; the step has already failed with the real message.
    }
}
/**
 * Reads and checks the inputs; on a bad one fails the step and returns undefined, so the shell stops
 * before it imports anything heavy.
 */
function checkInputs(name, read) {
    try {
        return read();
    }
    catch (error) {
        failStep(name, error);
        return undefined;
    }
}


/***/ }),

/***/ 4673:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   vb: () => (/* binding */ readCutoverOptions),
/* harmony export */   ym: () => (/* binding */ cutoverBudgetMs)
/* harmony export */ });
/* unused harmony exports MODES, API_ALLOWANCE_MS, TTL_RANGE */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9114);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(228);
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2866);
/* harmony import */ var _query_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(918);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1721);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5787);







const MODES = ['plan', 'apply', 'rollback', 'lower-ttl'];
/** API calls around the verification (zone, read, change, read-back) get this much on top of it. */
const API_ALLOWANCE_MS = 60_000;
/**
 * The default `timeout`: verify-timeout for the propagation wait plus a minute for the API calls
 * around it. A server that never answers ends the run at this limit at the latest.
 */
function cutoverBudgetMs(options) {
    return options.timeoutMs ?? options.verifyTimeoutMs + API_ALLOWANCE_MS;
}
const TTL_RANGE = { min: 30, max: 86_400 };
/**
 * Reads and checks every input before anything is called: a mistake here is one line naming the input
 * and the fix, and nothing has been asked of any provider.
 */
function readCutoverOptions(inputs) {
    const provider = readProvider(inputs);
    const mode = inputs.enumOf('mode', MODES, 'plan');
    const { zone, name } = readZoneAndName(inputs);
    return {
        provider,
        ...readProviderAccess(inputs, provider),
        zone,
        name,
        ...readModeOptions(inputs, mode, provider, zone, name),
        ttl: readTtl(inputs, provider),
        ...readVerification(inputs),
        ...readTargetChecks(inputs, name),
        maxChanges: inputs.int('max-changes', 10, { min: 1, max: 1000 }),
        force: inputs.bool('force', false),
    };
}
function readProvider(inputs) {
    const providerText = inputs.required('provider', 'cloudflare');
    const provider = _providers_index_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDER_NAMES */ .xd.find((p) => p === providerText.toLowerCase());
    if (!provider)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('provider', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(providerText)} is not a supported DNS provider.`, `use one of: ${_providers_index_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDER_NAMES */ .xd.join(', ')}.`);
    return provider;
}
/** The zone apex and the absolute name to move, each a valid DNS name, the name inside the zone. */
function readZoneAndName(inputs) {
    const zoneText = inputs.required('zone', 'example.com');
    const zone = (0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .stripDot */ .eq)(zoneText);
    const zoneProblem = (0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .hostnameProblem */ .RH)(zone);
    if (zoneProblem)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('zone', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(zoneText)} is not a domain name: ${zoneProblem}.`, 'write the zone apex, e.g. example.com.');
    const rawName = inputs.required('name', `api.${zone}`);
    const name = (0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .absoluteName */ .Tu)(rawName, zone);
    const nameProblem = name === zone ? undefined : (0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .hostnameProblem */ .RH)(name);
    if (nameProblem)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('name', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(rawName)} is not a DNS name: ${nameProblem}.`, `use a label such as api, or a name ending in .${zone}.`);
    if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .isInZone */ .eI)(name, zone))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('name', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(rawName)} is not inside the zone ${zone}.`, `use a name ending in .${zone}, or a label such as api.`);
    return { zone, name };
}
/** api-url and api-token, with what this provider cannot work without. */
function readProviderAccess(inputs, provider) {
    // Credentials belong in api-token; a URL carrying them is refused like any other input that cannot be sent.
    const apiUrl = inputs.url('api-url')?.href;
    const apiToken = inputs.optional('api-token');
    for (const [input, fix] of Object.entries((0,_providers_index_js__WEBPACK_IMPORTED_MODULE_3__/* .providerEntry */ .kb)(provider).requires)) {
        if (!(input === 'api-url' ? apiUrl : apiToken))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is required for ${provider}.`, fix);
    }
    return { apiUrl, apiToken };
}
function readTtl(inputs, provider) {
    const entry = (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_3__/* .providerEntry */ .kb)(provider);
    const ttl = inputs.int('ttl', 60);
    const autoTtl = entry.autoTtl === true && ttl === 1;
    if (!autoTtl && (ttl < TTL_RANGE.min || ttl > TTL_RANGE.max))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ttl', `${inputs.optional('ttl')} is outside ${TTL_RANGE.min}–${TTL_RANGE.max} seconds.`, `use e.g. 60${entry.autoTtl ? ', or 1 for automatic' : ''}.`);
    return ttl;
}
/** Where and how long the change is verified, and the run's overall timeout. */
function readVerification(inputs) {
    return {
        nameservers: readNameservers(inputs),
        resolvers: readResolvers(inputs),
        verifyTimeoutMs: inputs.duration('verify-timeout', '5m', { min: 1000, max: 3_600_000 }),
        timeoutMs: inputs.optional('timeout')
            ? inputs.duration('timeout', '6m', { min: 1000, max: 6 * 3_600_000 })
            : undefined,
    };
}
function readNameservers(inputs) {
    const nsText = inputs.list('nameservers', { commas: true });
    if (nsText.length === 1 && nsText[0].toLowerCase() === 'none')
        return 'none';
    for (const ns of nsText) {
        if (!(0,_query_js__WEBPACK_IMPORTED_MODULE_4__/* .parseServer */ .l)(ns) && !(0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .isHostname */ .Kq)(ns))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('nameservers', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(ns)} is not an address, address:port or hostname.`, 'e.g. 127.0.0.1:5300 or ns1.example.com; or none.');
        if ((0,_query_js__WEBPACK_IMPORTED_MODULE_4__/* .parseServer */ .l)(ns)?.kind === 'doh')
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('nameservers', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(ns)} is a DNS-over-HTTPS URL.`, 'list DoH resolvers under resolvers; nameservers are asked directly over UDP.');
    }
    return nsText;
}
function readResolvers(inputs) {
    const resolvers = inputs.list('resolvers', { commas: true });
    for (const r of resolvers) {
        if (!(0,_query_js__WEBPACK_IMPORTED_MODULE_4__/* .parseServer */ .l)(r))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('resolvers', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(r)} is neither ip[:port] nor a DNS-over-HTTPS URL.`, 'e.g. 1.1.1.1 or https://cloudflare-dns.com/dns-query.');
    }
    return resolvers;
}
/** The TLS and health checks through the new target: whether, where they connect, and the URL. */
function readTargetChecks(inputs, name) {
    const tlsCheck = inputs.bool('tls-check', true);
    const connectText = inputs.optional('connect-to');
    const connectTo = connectText ? (0,_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .parseConnectTo */ .zs)(connectText) : undefined;
    if (connectText && !connectTo)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('connect-to', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(connectText)} is not address:port (the address must be an IP address or a full hostname, the port 1–65535).`, 'e.g. 127.0.0.1:8443, [::1]:8443 or :8443.');
    const healthUrl = inputs.url('health-url');
    if (healthUrl && (0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .stripDot */ .eq)(healthUrl.hostname) !== name)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('health-url', `is for ${healthUrl.hostname}, not ${name}.`, `use https://${name}/… so the check goes through the new target with the real hostname.`);
    return { tlsCheck, connectTo, healthUrl };
}
/** What the mode needs: a target for plan and apply, the previous snapshot for rollback. */
function readModeOptions(inputs, mode, provider, zone, name) {
    if (mode === 'rollback')
        return { mode, previous: readPrevious(inputs, provider, zone, name) };
    if (mode === 'lower-ttl')
        return { mode };
    const targetText = inputs.optional('target');
    if (!targetText)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('target', `is required in ${mode} mode.`, 'e.g. voice-bot.fly.dev, or A=66.241.124.1,AAAA=2a09:8280:1::1.');
    const target = (0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .parseTarget */ .hu)(targetText);
    if (!target)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('target', `${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(targetText)} is neither a hostname nor a list of addresses${targetText.includes('=') || targetText.includes(',') ? '' : ` (as a hostname: ${(0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .hostnameProblem */ .RH)(targetText) ?? 'unknown'})`}.`, 'e.g. voice-bot.fly.dev, or A=66.241.124.1,AAAA=2a09:8280:1::1.');
    if (target.kind === 'cname' && target.host === name)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('target', `points ${name} at itself.`, 'name the new host, e.g. voice-bot.fly.dev.');
    if (target.kind === 'cname' && name === zone) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('target', `a CNAME cannot sit at the zone apex ${zone}.`, 'give the Fly app addresses instead: A=…,AAAA=… (fly ips list).');
    }
    return { mode, target };
}
function readPrevious(inputs, provider, zone, name) {
    const text = inputs.required('previous', '${{ steps.cutover.outputs.previous }}');
    const previous = (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSnapshot */ .E)(text);
    if (previous.zone !== zone || previous.name !== name) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('previous', `describes ${previous.name} in ${previous.zone}, not ${name} in ${zone}.`, 'pass the previous output of the cutover of this name.');
    }
    if (previous.provider !== provider)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('previous', `was taken from ${previous.provider}, not ${provider}.`, 'use the same provider.');
    return previous;
}


/***/ }),

/***/ 228:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ns: () => (/* binding */ checkHealth),
/* harmony export */   sj: () => (/* binding */ targetAddress),
/* harmony export */   w5: () => (/* binding */ checkTls),
/* harmony export */   zs: () => (/* binding */ parseConnectTo)
/* harmony export */ });
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_https__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1553);
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_dns_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1721);






/** `127.0.0.1:8443`, `[::1]:8443`, `:8443` (address from the target), `10.0.0.5`. */
function parseConnectTo(text) {
    const t = text.trim();
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
    const plain = /^([^:[\]]*)(?::(\d+))?$/.exec(t);
    const [address, port] = bracket
        ? [bracket[1], bracket[2]]
        : plain
            ? [plain[1], plain[2]]
            : [undefined, undefined];
    if (!bracket && !plain) {
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_3__.isIP)(t) === 6)
            return { address: t };
        return undefined;
    }
    const result = {};
    if (address) {
        if (!(0,node_net__WEBPACK_IMPORTED_MODULE_3__.isIP)(address) && address !== 'localhost' && !(0,_records_js__WEBPACK_IMPORTED_MODULE_5__/* .isHostname */ .Kq)(address))
            return undefined;
        result.address = address;
    }
    if (port !== undefined) {
        const p = Number(port);
        if (!Number.isInteger(p) || p < 1 || p > 65535)
            return undefined;
        result.port = p;
    }
    return result.address || result.port ? result : undefined;
}
/** The address checks connect to: the given one, else the target's first address (a CNAME is looked up). */
async function targetAddress(target, connectTo) {
    if (connectTo?.address) {
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_3__.isIP)(connectTo.address))
            return connectTo.address;
        return (await (0,node_dns_promises__WEBPACK_IMPORTED_MODULE_4__.lookup)(connectTo.address)).address;
    }
    if (target.kind === 'addresses')
        return target.a[0] ?? target.aaaa[0];
    try {
        return (await (0,node_dns_promises__WEBPACK_IMPORTED_MODULE_4__.lookup)(target.host)).address;
    }
    catch (error) {
        throw new Error(`the target ${target.host} does not resolve (${error.code ?? error.message})`, { cause: error });
    }
}
/**
 * A TLS handshake to `address:port` with SNI set to the hostname. The certificate must chain to a
 * trusted root (NODE_EXTRA_CA_CERTS counts) and cover the hostname; on Fly that happens only after
 * `fly certs add <host>` has issued it. The handshake is accepted whatever the outcome so the report
 * can name what the certificate does cover.
 */
async function checkTls(address, port, servername, options = {}) {
    const started = Date.now();
    const base = { address, port, servername };
    return new Promise((resolve) => {
        const socket = node_tls__WEBPACK_IMPORTED_MODULE_0___default().connect({
            host: address,
            port,
            servername,
            rejectUnauthorized: false,
            ...(options.ca ? { ca: [...(node_tls__WEBPACK_IMPORTED_MODULE_0___default().rootCertificates), options.ca] } : {}),
        });
        const timer = setTimeout(() => {
            socket.destroy();
            resolve({
                ...base,
                ok: false,
                error: `no TLS handshake within ${options.timeoutMs ?? 5000}ms`,
                ms: Date.now() - started,
            });
        }, options.timeoutMs ?? 5000);
        socket.once('secureConnect', () => {
            clearTimeout(timer);
            const cert = socket.getPeerCertificate();
            const info = {
                subject: cert.subject?.CN === undefined ? undefined : String(cert.subject.CN),
                altNames: cert.subjectaltname,
                issuer: String(cert.issuer?.CN ?? cert.issuer?.O ?? ''),
                validTo: cert.valid_to,
            };
            let error;
            if (!socket.authorized)
                error =
                    String(socket.authorizationError) === 'CERT_HAS_EXPIRED'
                        ? `certificate expired on ${cert.valid_to} (CERT_HAS_EXPIRED)`
                        : `certificate not trusted (${String(socket.authorizationError)})`;
            const identity = node_tls__WEBPACK_IMPORTED_MODULE_0___default().checkServerIdentity(servername, cert);
            if (identity)
                error = `certificate is not valid for ${servername}: it covers ${cert.subjectaltname ?? cert.subject?.CN ?? 'no names'}`;
            socket.end();
            resolve({ ...base, ...info, ok: !error, error, ms: Date.now() - started });
        });
        socket.once('error', (err) => {
            clearTimeout(timer);
            resolve({ ...base, ok: false, error: err.message, ms: Date.now() - started });
        });
    });
}
/**
 * GET the health URL with the connection pinned to `address` (and `port` when given), keeping the URL's
 * host for SNI and the Host header, as `curl --connect-to` does. 2xx passes.
 */
async function checkHealth(url, address, port, options = {}) {
    const started = Date.now();
    const secure = url.protocol === 'https:';
    const usePort = port ?? (url.port ? Number(url.port) : secure ? 443 : 80);
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_3__.isIP)(address) === 6 ? 6 : 4;
    const pinned = ((_host, opts, callback) => {
        if (opts?.all)
            callback(null, [{ address, family }]);
        else
            callback(null, address, family);
    });
    const base = { url: url.href, address, port: usePort };
    return new Promise((resolve) => {
        const req = (secure ? (node_https__WEBPACK_IMPORTED_MODULE_2___default()) : (node_http__WEBPACK_IMPORTED_MODULE_1___default())).request({
            protocol: url.protocol,
            hostname: url.hostname,
            port: usePort,
            path: `${url.pathname}${url.search}`,
            method: 'GET',
            lookup: pinned,
            servername: url.hostname,
            headers: { host: url.host, 'user-agent': 'runway-dns-cutover' },
            timeout: options.timeoutMs ?? 5000,
            agent: false,
            ...(secure && options.ca ? { ca: [...(node_tls__WEBPACK_IMPORTED_MODULE_0___default().rootCertificates), options.ca] } : {}),
        }, (res) => {
            res.resume();
            res.on('end', () => {
                const status = res.statusCode ?? 0;
                resolve({
                    ...base,
                    ok: status >= 200 && status < 300,
                    status,
                    error: status >= 200 && status < 300 ? undefined : `answered ${status}`,
                    ms: Date.now() - started,
                });
            });
        });
        req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 5000}ms`)));
        req.on('error', (err) => resolve({ ...base, ok: false, error: err.message, ms: Date.now() - started }));
        req.end();
    });
}


/***/ }),

/***/ 2866:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ createProvider),
/* harmony export */   kb: () => (/* binding */ providerEntry),
/* harmony export */   xd: () => (/* binding */ PROVIDER_NAMES)
/* harmony export */ });
/**
 * The one place providers are named. Adding one: write providers/<name>.ts implementing DnsProvider
 * (export default the factory) and add its entry below; the `provider` input, its error message and
 * the type ProviderName all follow from these keys.
 */
const REGISTRY = {
    cloudflare: {
        load: () => Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(601), __nccwpck_require__.e(631)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6631)),
        requires: { 'api-token': 'pass secrets.CLOUDFLARE_API_TOKEN (DNS Write).' },
        autoTtl: true,
    },
    route53: { load: () => Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(601), __nccwpck_require__.e(407)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7788)), requires: {} },
    powerdns: {
        load: () => Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(601), __nccwpck_require__.e(64)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7064)),
        requires: {
            'api-url': 'set it to the PowerDNS web server, e.g. http://127.0.0.1:8081.',
            'api-token': 'pass the PowerDNS api-key.',
        },
    },
};
const PROVIDER_NAMES = Object.keys(REGISTRY);
function providerEntry(name) {
    return REGISTRY[name];
}
async function createProvider(name, config) {
    return (await REGISTRY[name].load()).default(config);
}


/***/ }),

/***/ 918:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  l: () => (/* binding */ parseServer),
  e: () => (/* binding */ queryDns)
});

;// CONCATENATED MODULE: external "node:dgram"
const external_node_dgram_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dgram");
var external_node_dgram_default = /*#__PURE__*/__nccwpck_require__.n(external_node_dgram_namespaceObject);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./node_modules/dns-packet/index.js
var dns_packet = __nccwpck_require__(4894);
;// CONCATENATED MODULE: ./src/dns/query.ts




/** `1.2.3.4`, `1.2.3.4:5300`, `[::1]:5300`, `::1`, `https://dns.example/dns-query`; undefined if none of these. */
function parseServer(text) {
    const t = text.trim();
    if (/^https?:\/\//i.test(t)) {
        try {
            const url = new URL(t);
            return { kind: 'doh', url: url.href, label: url.href };
        }
        catch {
            return undefined;
        }
    }
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
    if (bracket && (0,external_node_net_.isIP)(bracket[1]) === 6)
        return udp(bracket[1], bracket[2]);
    if ((0,external_node_net_.isIP)(t))
        return udp(t);
    const hostPort = /^([^:]+):(\d+)$/.exec(t);
    if (hostPort && (0,external_node_net_.isIP)(hostPort[1]) === 4)
        return udp(hostPort[1], hostPort[2]);
    return undefined;
}
function udp(host, port) {
    const p = port === undefined ? 53 : Number(port);
    if (!Number.isInteger(p) || p < 1 || p > 65535)
        return undefined;
    const label = p === 53 ? host : (0,external_node_net_.isIP)(host) === 6 ? `[${host}]:${p}` : `${host}:${p}`;
    return { kind: 'udp', host, port: p, label };
}
function dataText(answer) {
    const data = answer.data;
    if (typeof data === 'string')
        return data;
    if (Buffer.isBuffer(data))
        return data.toString('utf8');
    if (Array.isArray(data))
        return data.map((d) => (Buffer.isBuffer(d) ? d.toString('utf8') : String(d))).join('');
    return JSON.stringify(data);
}
function decode(buffer, started) {
    const message = dns_packet.decode(buffer);
    const flags = message.flags ?? 0;
    return {
        rcode: message.rcode ?? 'NOERROR',
        authoritative: (flags & dns_packet.AUTHORITATIVE_ANSWER) !== 0,
        records: (message.answers ?? []).map((a) => ({
            name: String(a.name).replace(/\.$/, '').toLowerCase(),
            type: a.type,
            ttl: a.ttl ?? 0,
            data: dataText(a).replace(/\.$/, '').toLowerCase(),
        })),
        ms: Date.now() - started,
    };
}
function encodeQuestion(name, type, recursion, id) {
    return dns_packet.encode({
        type: 'query',
        id,
        flags: recursion ? dns_packet.RECURSION_DESIRED : 0,
        questions: [{ type: type, name, class: 'IN' }],
    });
}
/**
 * One question, one answer. Authoritative servers are asked without recursion (the answer must carry
 * AA), resolvers with it. Built on dns-packet rather than node:dns because node:dns hides the AA flag
 * and the TTL of CNAME answers, both of which the propagation report shows.
 */
async function queryDns(server, name, type, options = {}) {
    const timeoutMs = options.timeoutMs ?? 1500;
    const started = Date.now();
    if (server.kind === 'doh') {
        const body = encodeQuestion(name, type, true, 0);
        // Loaded on first use: parseServer (input checking) must not pull undici in (cold start).
        const { request } = await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19));
        const response = await request(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
            body,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
        });
        const bytes = Buffer.from(await response.body.arrayBuffer());
        if (response.statusCode !== 200)
            throw new Error(`DoH ${server.url} returned ${response.statusCode}`);
        return decode(bytes, started);
    }
    const id = (0,external_node_crypto_.randomInt)(1, 65535);
    const socket = external_node_dgram_default().createSocket((0,external_node_net_.isIP)(server.host) === 6 ? 'udp6' : 'udp4');
    try {
        return await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no answer from ${server.label} within ${timeoutMs}ms`)), timeoutMs);
            socket.on('error', (error) => {
                clearTimeout(timer);
                reject(error);
            });
            socket.on('message', (message) => {
                try {
                    if (message.readUInt16BE(0) !== id)
                        return;
                    clearTimeout(timer);
                    resolve(decode(message, started));
                }
                catch (error) {
                    clearTimeout(timer);
                    reject(error);
                }
            });
            socket.send(encodeQuestion(name, type, options.recursion ?? false, id), server.port, server.host);
        });
    }
    finally {
        socket.close();
    }
}


/***/ }),

/***/ 1721:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kq: () => (/* binding */ isHostname),
/* harmony export */   RH: () => (/* binding */ hostnameProblem),
/* harmony export */   Tu: () => (/* binding */ absoluteName),
/* harmony export */   Z: () => (/* binding */ sameValues),
/* harmony export */   ZE: () => (/* binding */ formatRecordSet),
/* harmony export */   eI: () => (/* binding */ isInZone),
/* harmony export */   eq: () => (/* binding */ stripDot),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   ju: () => (/* binding */ CUTOVER_TYPES),
/* harmony export */   pC: () => (/* binding */ desiredRecords),
/* harmony export */   sx: () => (/* binding */ withDot),
/* harmony export */   tA: () => (/* binding */ normalizeValue)
/* harmony export */ });
/* unused harmony export canonicalAddress */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

const CUTOVER_TYPES = ['A', 'AAAA', 'CNAME'];
const stripDot = (name) => name.trim().replace(/\.$/, '').toLowerCase();
const withDot = (name) => `${stripDot(name)}.`;
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;
/**
 * Why `text` cannot be a DNS hostname (RFC 1035 §2.3.4: labels of 1–63 octets, names up to 253
 * characters), in words that name the offending label; undefined when it is one.
 */
function hostnameProblem(text) {
    const name = stripDot(text);
    if (name.length === 0)
        return 'it is empty';
    if (name.length > 253)
        return `it is ${name.length} characters long; a DNS name is at most 253`;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(name))
        return 'it is an IP address, not a name';
    const labels = name.split('.');
    if (labels.length < 2)
        return 'it has a single label; write the full name (e.g. api.example.com)';
    for (const label of labels) {
        const cut = label.length > 20 ? `${label.slice(0, 20)}…` : label;
        if (label.length === 0)
            return 'it has an empty label (two dots in a row)';
        if (label.length > 63)
            return `its label "${cut}" is ${label.length} characters long; a DNS label is at most 63`;
        if (!LABEL.test(label))
            return `its label "${cut}" may hold only letters, digits, hyphens and underscores, and not start or end with a hyphen`;
    }
    if (/^\d+$/.test(labels[labels.length - 1]))
        return 'its last label is all digits';
    return undefined;
}
function isHostname(text) {
    return hostnameProblem(text) === undefined;
}
/**
 * `api` → `api.example.com`; `@` is the apex. A name with a dot in it is taken as absolute: appending
 * the zone to `api.example.org` would silently move a different name than the one the user wrote.
 */
function absoluteName(name, zone) {
    const z = stripDot(zone);
    const bare = stripDot(name);
    if (bare === '@' || bare === z)
        return z;
    return bare.includes('.') ? bare : `${bare}.${z}`;
}
function isInZone(name, zone) {
    const n = stripDot(name);
    const z = stripDot(zone);
    return n === z || n.endsWith(`.${z}`);
}
/** Canonical text of an address, so `2001:DB8::1` and `2001:db8:0::1` compare equal. */
function canonicalAddress(address) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address) !== 6)
        return address.trim();
    // isIP() answers 6 only for text without surrounding whitespace, so there is nothing to trim here.
    const url = new URL(`http://[${address}]/`);
    return url.hostname.slice(1, -1);
}
/** `voice-bot.fly.dev`, or `A=1.2.3.4,AAAA=2a09::1` (types may repeat), or bare IP literals. */
function parseTarget(text) {
    // A hostname holds no `=`, `,` or inner space, and isHostname trims and refuses empty text.
    if (isHostname(text))
        return { kind: 'cname', host: stripDot(text) };
    const a = [];
    const aaaa = [];
    for (const part of text.split(/[,\s]/).filter(Boolean)) {
        const eq = part.indexOf('=');
        // `=192.0.2.1` names the type '', which is neither A nor AAAA, so it is refused below.
        const type = eq === -1 ? undefined : part.slice(0, eq).toUpperCase();
        const value = part.slice(eq + 1);
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(value);
        if (family === 4 && (type === undefined || type === 'A'))
            a.push(value);
        else if (family === 6 && (type === undefined || type === 'AAAA'))
            aaaa.push(canonicalAddress(value));
        else
            return undefined;
    }
    if (a.length + aaaa.length === 0)
        return undefined;
    return { kind: 'addresses', a: [...new Set(a)].sort(), aaaa: [...new Set(aaaa)].sort() };
}
function describeTarget(target) {
    if (target.kind === 'cname')
        return `CNAME ${target.host}`;
    return [...target.a.map((v) => `A ${v}`), ...target.aaaa.map((v) => `AAAA ${v}`)].join(', ');
}
/** The rrsets a target asks for at `name`. */
function desiredRecords(name, target, ttl) {
    if (target.kind === 'cname')
        return [{ name, type: 'CNAME', ttl, values: [target.host] }];
    const sets = [];
    if (target.a.length)
        sets.push({ name, type: 'A', ttl, values: target.a });
    if (target.aaaa.length)
        sets.push({ name, type: 'AAAA', ttl, values: target.aaaa });
    return sets;
}
function normalizeValue(type, value) {
    if (type === 'CNAME')
        return stripDot(value);
    return canonicalAddress(value);
}
function sameValues(a, b) {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
}
function formatRecordSet(set) {
    const ttl = set.ttl === 1 ? 'auto' : `${set.ttl}s`;
    return `${set.type} ${set.values.join(', ')} (TTL ${ttl}${set.proxied ? ', proxied' : ''})`;
}


/***/ }),

/***/ 5787:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseSnapshot),
/* harmony export */   H: () => (/* binding */ makeSnapshot)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1721);


function makeSnapshot(provider, zone, name, records) {
    return { version: 1, provider, zone, name, capturedAt: new Date().toISOString(), records };
}
function parseSnapshot(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('previous', 'is not JSON.', "pass the 'previous' output of an earlier run unchanged.");
    }
    const s = parsed;
    const valid = s &&
        s.version === 1 &&
        typeof s.zone === 'string' &&
        typeof s.name === 'string' &&
        typeof s.provider === 'string' &&
        Array.isArray(s.records) &&
        s.records.every((r) => r &&
            _records_js__WEBPACK_IMPORTED_MODULE_1__/* .CUTOVER_TYPES */ .ju.includes(r.type) &&
            typeof r.ttl === 'number' &&
            Array.isArray(r.values) &&
            r.values.every((v) => typeof v === 'string') &&
            typeof r.name === 'string');
    if (!valid)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('previous', 'is not a dns-cutover snapshot (version, provider, zone, name, records).', "pass the 'previous' output of an earlier run unchanged.");
    return s;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 1553:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4550:
/***/ ((module) => {

// GENERATED FILE. DO NOT EDIT.
var ipCodec = (function(exports) {
  "use strict";
  
  Object.defineProperty(exports, "__esModule", {
    value: true
  });
  exports.decode = decode;
  exports.encode = encode;
  exports.familyOf = familyOf;
  exports.name = void 0;
  exports.sizeOf = sizeOf;
  exports.v6 = exports.v4 = void 0;
  const v4Regex = /^(\d{1,3}\.){3,3}\d{1,3}$/;
  const v4Size = 4;
  const v6Regex = /^(::)?(((\d{1,3}\.){3}(\d{1,3}){1})?([0-9a-f]){0,4}:{0,2}){1,8}(::)?$/i;
  const v6Size = 16;
  const v4 = {
    name: 'v4',
    size: v4Size,
    isFormat: ip => v4Regex.test(ip),
  
    encode(ip, buff, offset) {
      offset = ~~offset;
      buff = buff || new Uint8Array(offset + v4Size);
      const max = ip.length;
      let n = 0;
  
      for (let i = 0; i < max;) {
        const c = ip.charCodeAt(i++);
  
        if (c === 46) {
          // "."
          buff[offset++] = n;
          n = 0;
        } else {
          n = n * 10 + (c - 48);
        }
      }
  
      buff[offset] = n;
      return buff;
    },
  
    decode(buff, offset) {
      offset = ~~offset;
      return `${buff[offset++]}.${buff[offset++]}.${buff[offset++]}.${buff[offset]}`;
    }
  
  };
  exports.v4 = v4;
  const v6 = {
    name: 'v6',
    size: v6Size,
    isFormat: ip => ip.length > 0 && v6Regex.test(ip),
  
    encode(ip, buff, offset) {
      offset = ~~offset;
      let end = offset + v6Size;
      let fill = -1;
      let hexN = 0;
      let decN = 0;
      let prevColon = true;
      let useDec = false;
      buff = buff || new Uint8Array(offset + v6Size); // Note: This algorithm needs to check if the offset
      // could exceed the buffer boundaries as it supports
      // non-standard compliant encodings that may go beyond
      // the boundary limits. if (offset < end) checks should
      // not be necessary...
  
      for (let i = 0; i < ip.length; i++) {
        let c = ip.charCodeAt(i);
  
        if (c === 58) {
          // :
          if (prevColon) {
            if (fill !== -1) {
              // Not Standard! (standard doesn't allow multiple ::)
              // We need to treat
              if (offset < end) buff[offset] = 0;
              if (offset < end - 1) buff[offset + 1] = 0;
              offset += 2;
            } else if (offset < end) {
              // :: in the middle
              fill = offset;
            }
          } else {
            // : ends the previous number
            if (useDec === true) {
              // Non-standard! (ipv4 should be at end only)
              // A ipv4 address should not be found anywhere else but at
              // the end. This codec also support putting characters
              // after the ipv4 address..
              if (offset < end) buff[offset] = decN;
              offset++;
            } else {
              if (offset < end) buff[offset] = hexN >> 8;
              if (offset < end - 1) buff[offset + 1] = hexN & 0xff;
              offset += 2;
            }
  
            hexN = 0;
            decN = 0;
          }
  
          prevColon = true;
          useDec = false;
        } else if (c === 46) {
          // . indicates IPV4 notation
          if (offset < end) buff[offset] = decN;
          offset++;
          decN = 0;
          hexN = 0;
          prevColon = false;
          useDec = true;
        } else {
          prevColon = false;
  
          if (c >= 97) {
            c -= 87; // a-f ... 97~102 -87 => 10~15
          } else if (c >= 65) {
            c -= 55; // A-F ... 65~70 -55 => 10~15
          } else {
            c -= 48; // 0-9 ... starting from charCode 48
  
            decN = decN * 10 + c;
          } // We don't know yet if its a dec or hex number
  
  
          hexN = (hexN << 4) + c;
        }
      }
  
      if (prevColon === false) {
        // Commiting last number
        if (useDec === true) {
          if (offset < end) buff[offset] = decN;
          offset++;
        } else {
          if (offset < end) buff[offset] = hexN >> 8;
          if (offset < end - 1) buff[offset + 1] = hexN & 0xff;
          offset += 2;
        }
      } else if (fill === 0) {
        // Not Standard! (standard doesn't allow multiple ::)
        // This means that a : was found at the start AND end which means the
        // end needs to be treated as 0 entry...
        if (offset < end) buff[offset] = 0;
        if (offset < end - 1) buff[offset + 1] = 0;
        offset += 2;
      } else if (fill !== -1) {
        // Non-standard! (standard doens't allow multiple ::)
        // Here we find that there has been a :: somewhere in the middle
        // and the end. To treat the end with priority we need to move all
        // written data two bytes to the right.
        offset += 2;
  
        for (let i = Math.min(offset - 1, end - 1); i >= fill + 2; i--) {
          buff[i] = buff[i - 2];
        }
  
        buff[fill] = 0;
        buff[fill + 1] = 0;
        fill = offset;
      }
  
      if (fill !== offset && fill !== -1) {
        // Move the written numbers to the end while filling the everything
        // "fill" to the bytes with zeros.
        if (offset > end - 2) {
          // Non Standard support, when the cursor exceeds bounds.
          offset = end - 2;
        }
  
        while (end > fill) {
          buff[--end] = offset < end && offset > fill ? buff[--offset] : 0;
        }
      } else {
        // Fill the rest with zeros
        while (offset < end) {
          buff[offset++] = 0;
        }
      }
  
      return buff;
    },
  
    decode(buff, offset) {
      offset = ~~offset;
      let result = '';
  
      for (let i = 0; i < v6Size; i += 2) {
        if (i !== 0) {
          result += ':';
        }
  
        result += (buff[offset + i] << 8 | buff[offset + i + 1]).toString(16);
      }
  
      return result.replace(/(^|:)0(:0)*:0(:|$)/, '$1::$3').replace(/:{3,4}/, '::');
    }
  
  };
  exports.v6 = v6;
  const name = 'ip';
  exports.name = name;
  
  function sizeOf(ip) {
    if (v4.isFormat(ip)) return v4.size;
    if (v6.isFormat(ip)) return v6.size;
    throw Error(`Invalid ip address: ${ip}`);
  }
  
  function familyOf(string) {
    return sizeOf(string) === v4.size ? 1 : 2;
  }
  
  function encode(ip, buff, offset) {
    offset = ~~offset;
    const size = sizeOf(ip);
  
    if (typeof buff === 'function') {
      buff = buff(offset + size);
    }
  
    if (size === v4.size) {
      return v4.encode(ip, buff, offset);
    }
  
    return v6.encode(ip, buff, offset);
  }
  
  function decode(buff, offset, length) {
    offset = ~~offset;
    length = length || buff.length - offset;
  
    if (length === v4.size) {
      return v4.decode(buff, offset, length);
    }
  
    if (length === v6.size) {
      return v6.decode(buff, offset, length);
    }
  
    throw Error(`Invalid buffer size needs to be ${v4.size} for v4 or ${v6.size} for v6.`);
  }
  return "default" in exports ? exports.default : exports;
})({});
if (typeof define === 'function' && define.amd) define([], function() { return ipCodec; });
else if (true) module.exports = ipCodec;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3403);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
