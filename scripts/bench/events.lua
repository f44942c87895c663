-- wrk script: POSTs pre-signed Standard Webhooks events from $DECAY_BENCH_FILE (id, timestamp, signature, body
-- separated by tabs), each thread taking every Nth line so no event id is sent twice. Requests are formatted in
-- init(), before wrk's clock starts, and there is no response() callback (wrk would build a Lua table per response;
-- it counts non-2xx answers itself), so the load generator spends its share of the two cores on sending, not on Lua.
local threads = 0

function setup(thread)
   thread:set("tid", threads)
   threads = threads + 1
end

function init(args)
   requests = {}
   local stride = tonumber(os.getenv("DECAY_BENCH_THREADS"))
   local number = 0
   local file = assert(io.open(os.getenv("DECAY_BENCH_FILE"), "r"))
   for line in file:lines() do
      if number % stride == tid then
         local id, ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
         requests[#requests + 1] = wrk.format("POST", "/webhooks/events", {
            ["Content-Type"] = "application/json",
            ["webhook-id"] = id,
            ["webhook-timestamp"] = ts,
            ["webhook-signature"] = sig,
         }, body)
      end
      number = number + 1
   end
   file:close()
   position = 0
end

function request()
   position = position % #requests + 1
   return requests[position]
end
