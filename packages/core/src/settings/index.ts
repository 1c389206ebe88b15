export {
  loadOptionalSetting,
  loadSetting,
  readEnvironmentVariable,
  type SettingSource,
} from './load-setting';
