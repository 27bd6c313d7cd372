-- An outside load generator for the portal door (Debian's `wrk`, closed loop): every request
-- submits a new building-permit application (fresh attachment id); the summary counts answers
-- by status. Usage (with `npm start` running):
--   TOKEN=$(npm run --silent hub -- dev-token --citizen wrk-bench --minutes 30)
--   TOKEN=$TOKEN wrk -t2 -c64 -d30s --timeout 30s --latency \
--     -s tools/bench/wrk/submit-applications.lua http://127.0.0.1:8080/v1/applications
local token = os.getenv('TOKEN') or error('TOKEN (a dev token) is required')
local threads = {}
counts = {} -- global: `done` reads each thread's table with thread:get

local function uuid() -- version 4, from 16-bit pieces (wrk's LuaJIT formats 32-bit integers)
  local r = function(max) return math.random(0, max) end
  return string.format('%04x%04x-%04x-4%03x-a%03x-%04x%04x%04x', r(0xffff), r(0xffff),
    r(0xffff), r(0xfff), r(0xfff), r(0xffff), r(0xffff), r(0xffff))
end

local template = [[{"serviceKey":"99010003001000","municipalityKey":"05315000",
"citizenAccountRef":"wrk-bench","formId":"bauantrag-nrw@2026-01","formFields":[
{"key":"bauvorhaben.bezeichnung","value":"Carport"},{"key":"bauvorhaben.massnahme","value":"10"},
{"key":"baugrundstueck.gemarkung","value":"Altstadt-Nord"},{"key":"baugrundstueck.flurstueck.zaehler","value":"123"}],
"attachments":[{"attachmentId":"%s","fileName":"lageplan.png","mediaType":"image/png","sizeBytes":48211,
"sha256":"a3f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9","storageUri":"dms://uploads/lageplan"}],
"applicant":{"givenName":"Erika","familyName":"Mustermann","address":{"street":"Domkloster","houseNumber":"4","postalCode":"50667","city":"Köln"}}}]]

function setup(thread)
  table.insert(threads, thread)
end

function init()
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  counts = {}
end

function request()
  return wrk.format('POST', nil, {
    ['Authorization'] = 'Bearer ' .. token,
    ['Content-Type'] = 'application/json',
  }, string.format(template, uuid()))
end

function response(status)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get('counts')) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format('HTTP %d: %d\n', status, n)) end
  io.write(string.format('timeouts: %d, connect errors: %d, read errors: %d\n',
    summary.errors.timeout, summary.errors.connect, summary.errors.read))
end
