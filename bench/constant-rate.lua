-- wrk script: POSTs hook requests on a fixed schedule (wrk2-style constant rate) instead of as fast as
-- possible. Debian has wrk but not wrk2, so the schedule is kept here: every time a connection is free,
-- delay() hands it the next slot of a fixed-interval timeline (RATE requests/s per wrk thread, run with -t1)
-- and returns how long to wait for it. If the service stalls, slots fall behind and are sent late;
-- done() reports how many were late and by how much, so that coordinated omission is visible rather
-- than hidden. Latency figures are wrk's own (HdrHistogram, from send to last byte).
--
-- env: RATE (requests/s, default 200), BODIES (comma list of path=file or path=file=tokens, used round-robin).
-- With a token file (one pre-signed JWT a line, bench/lib.sh make_tokens), each request of that path carries
-- the next token as "Authorization: Bearer ...", so every request has its own jti; when a file runs out the
-- run is cut short (wrk stops) rather than replaying a token, and done() reports tokens_exhausted=1.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local tspec = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, tspec) -- CLOCK_MONOTONIC
  return tonumber(tspec.tv_sec) * 1000 + tonumber(tspec.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "200")
local interval = 1000 / rate
local requests = {}
local next_slot = nil
late = 0
max_late_ms = 0
statuses = {}
local counter = 0
tokens_exhausted = 0

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then
      lines[#lines + 1] = line
    end
  end
  assert(#lines > 0, "no tokens in " .. path)
  return lines
end

function init(args)
  for entry in string.gmatch(os.getenv("BODIES") or "", "[^,]+") do
    local path, file, token_file = string.match(entry, "^([^=]+)=([^=]+)=?([^=]*)$")
    local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
    if token_file ~= "" then
      headers["Authorization"] = "Bearer @TOKEN@"
    end
    local formatted = wrk.format("POST", path, headers, read_file(file))
    local r = { plain = formatted }
    if token_file ~= "" then
      local at = string.find(formatted, "@TOKEN@", 1, true)
      r.before, r.after = string.sub(formatted, 1, at - 1), string.sub(formatted, at + 7)
      r.tokens, r.next = read_lines(token_file), 1
    end
    requests[#requests + 1] = r
  end
  assert(#requests > 0, "set BODIES=path=file[=tokens][,path=file[=tokens]...]")
end

function request()
  counter = counter + 1
  local r = requests[(counter % #requests) + 1]
  if r.tokens == nil then
    return r.plain
  end
  if r.next > #r.tokens then
    tokens_exhausted = 1
    wrk.thread:stop()
    r.next = 1
  end
  local token = r.tokens[r.next]
  r.next = r.next + 1
  return r.before .. token .. r.after
end

function delay()
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  next_slot = next_slot + interval
  local wait = next_slot - now
  if wait < 0 then
    late = late + 1
    if -wait > max_late_ms then
      max_late_ms = -wait
    end
    return 0
  end
  return wait
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests_stats)
  local seconds = summary.duration / 1e6
  local late_total, max_late, hist, exhausted = 0, 0, {}, 0
  for _, t in ipairs(threads) do
    late_total = late_total + t:get("late")
    exhausted = math.max(exhausted, t:get("tokens_exhausted"))
    max_late = math.max(max_late, t:get("max_late_ms"))
    for code, n in pairs(t:get("statuses")) do
      hist[code] = (hist[code] or 0) + n
    end
  end
  local codes = {}
  for code, n in pairs(hist) do
    codes[#codes + 1] = string.format("%d:%d", code, n)
  end
  table.sort(codes)
  io.write(string.format(
    "RESULT target_rate=%s achieved_rate=%.1f requests=%d seconds=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f "
      .. "p999_ms=%.2f max_ms=%.2f errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d "
      .. "non2xx3xx=%d late_slots=%d max_late_ms=%.1f statuses=%s tokens_exhausted=%d\n",
    os.getenv("RATE") or "200", summary.requests / seconds, summary.requests, seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status, late_total, max_late,
    table.concat(codes, ","), exhausted))
end
