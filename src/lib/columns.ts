/**
 * The site's columns (栏目): navigation, breadcrumbs and the 网页设计规范
 * column metadata (ColumnName, ColumnDescription, ColumnKeywords, ColumnType).
 */
import { urls } from './urls.ts';

export type Column = {
  key: string;
  name: string;
  href: string;
  description: string;
  keywords: string;
  /** A standard ColumnType value from 政府网站网页设计规范. */
  type: string;
  /** Shown in the header navigation. */
  nav: boolean;
};

const columnList = [
  { key: 'home', name: '首页', href: urls.home, description: '市自然资源和规划局公众地理信息门户首页', keywords: '自然资源,规划,天地图,公示公告', type: '首页', nav: true },
  { key: 'map', name: '地图', href: urls.map, description: '基于天地图的自然资源和规划专题地图', keywords: '天地图,地图,专题图层', type: '数据发布', nav: true },
  { key: 'red', name: '红色资源', href: urls.red, description: '红色资源点和爱国主义教育研学线路', keywords: '红色资源,爱国主义教育,研学线路', type: '专题专栏', nav: true },
  { key: 'notices', name: '公示公告', href: urls.notices, description: '规划、土地市场、矿业权和测绘审批公示公告', keywords: '批前公示,批后公布,出让公告,成交公示,矿业权,测绘', type: '信息公开目录', nav: true },
  { key: 'enforcement', name: '执法严起来', href: urls.enforcement, description: '行政执法事前公开、事中公示、事后公开', keywords: '行政执法,执法公示,行政处罚', type: '信息公开目录', nav: true },
  { key: 'landPrice', name: '基准地价', href: urls.landPrice, description: '国有建设用地和集体建设用地定级与基准地价：土地级别、各用途基准地价、基准日、实施日期和批准文号', keywords: '基准地价,土地级别,集体建设用地,国有建设用地,地价', type: '信息公开目录', nav: false },
  { key: 'zoning', name: '控制性详细规划', href: urls.zoning, description: '已批准的控制性详细规划地块：用地用海分类、容积率、建筑密度、绿地率、限高、批准文号和批前公示', keywords: '控制性详细规划,控规,用地用海分类,容积率,规划地块', type: '信息公开目录', nav: false },
  { key: 'disclosure', name: '政府信息公开', href: urls.disclosure, description: '政府信息公开指南、公开目录和依申请公开在线申请', keywords: '政府信息公开,公开指南,公开目录,依申请公开,信息公开申请', type: '信息公开指南', nav: false },
  { key: 'search', name: '搜索', href: urls.search, description: '全站搜索：地名、文号、地块编号和标题', keywords: '搜索,文号,地块编号', type: '办事服务', nav: true },
  { key: 'sitemap', name: '网站地图', href: urls.sitemap, description: '本站全部栏目和页面', keywords: '网站地图', type: '首页', nav: false },
  { key: 'about', name: '关于本站', href: urls.about, description: '网站信息、无障碍说明和数据使用说明', keywords: '关于本站,无障碍,联系我们', type: '概况信息', nav: false },
] as const satisfies readonly Column[];

export type ColumnKey = (typeof columnList)[number]['key'];
export const columns = Object.fromEntries(columnList.map((c) => [c.key, c])) as Record<ColumnKey, Column>;
export const navColumns: Column[] = columnList.filter((c) => c.nav);
