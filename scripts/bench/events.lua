-- wrk script: POSTs pre-signed Standard Webhooks events from $DECAY_BENCH_FILE (id, timestamp, signature, body
-- separated by tabs), each thread taking every Nth line so no event id is sent twice.
local threads = {}

function setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
end

function init(args)
   lines = {}
   local file = assert(io.open(os.getenv("DECAY_BENCH_FILE"), "r"))
   for line in file:lines() do lines[#lines + 1] = line end
   file:close()
   stride = tonumber(os.getenv("DECAY_BENCH_THREADS"))
   position = tid + 1
   rejected = 0
end

function request()
   local line = lines[position]
   position = position + stride
   if position > #lines then position = tid + 1 end
   local id, ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
   return wrk.format("POST", "/webhooks/events", {
      ["Content-Type"] = "application/json",
      ["webhook-id"] = id,
      ["webhook-timestamp"] = ts,
      ["webhook-signature"] = sig,
   }, body)
end

function response(status, headers, body)
   if status ~= 200 then rejected = rejected + 1 end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do total = total + thread:get("rejected") end
   io.write(string.format("non-200 responses: %d\n", total))
end
