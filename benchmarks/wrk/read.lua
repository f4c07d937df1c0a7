-- GET PATH_TEMPLATE with "{id}" replaced by a random id from the file IDS (one id a line, header "id").
local ids = {}
local template = os.getenv("PATH_TEMPLATE")
local token = os.getenv("TOKEN")
local file = os.getenv("IDS")
if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "id" and line ~= "" then table.insert(ids, line) end
  end
end

request = function()
  local path = template
  if #ids > 0 then
    path = string.gsub(template, "{id}", ids[math.random(#ids)])
  end
  local headers = { ["Accept"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", path, headers)
end
