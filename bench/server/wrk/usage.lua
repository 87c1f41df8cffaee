-- POST usage events with unique idempotency keys, round-robin over workspaces
-- and their members.
--   wrk ... -s usage.lua URL -- TOKEN TARGETS_FILE EVENTS_PER_REQUEST TAG
-- TARGETS_FILE: one line per workspace, "ws_id member_id member_id ...".
-- EVENTS_PER_REQUEST 1 posts /usage, anything else posts /usage/batch.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local activities = {"generate_page", "rewrite_text", "image", "translate", "seo", "layout", "chat", "publish"}
local headers, targets, per, prefix
local n = 0

function init(args)
   headers = {["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json"}
   targets = {}
   for _, line in ipairs(read_lines(args[2])) do
      local ws, members = nil, {}
      for word in line:gmatch("%S+") do
         if not ws then ws = word else table.insert(members, word) end
      end
      table.insert(targets, {ws = ws, members = members,
                             single = "/v1/workspaces/" .. ws .. "/usage",
                             batch = "/v1/workspaces/" .. ws .. "/usage/batch"})
   end
   per = tonumber(args[3])
   prefix = unique_prefix(args[4])
end

local function event(t, i)
   local m = t.members[(i % #t.members) + 1]
   return string.format('{"idempotency_key":"%s-%d","member_id":"%s","project":"project-%d","activity":"%s","credits":1}',
                        prefix, i, m, i % 40, activities[(i % 8) + 1])
end

function request()
   n = n + 1
   local t = targets[(n % #targets) + 1]
   if per == 1 then
      return wrk.format("POST", t.single, headers, event(t, n))
   end
   local parts = {}
   for j = 1, per do parts[j] = event(t, n * per + j) end
   return wrk.format("POST", t.batch, headers, '{"events":[' .. table.concat(parts, ",") .. "]}")
end
